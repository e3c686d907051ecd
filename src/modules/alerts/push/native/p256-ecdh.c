// SPDX-License-Identifier: AGPL-3.0-or-later
//
// One P-256 ECDH step for Web Push message encryption (RFC 8291), calling the OpenSSL that Node.js itself
// carries (its symbols are exported to addons; no other library is linked).
//
// Why: Node's `ECDH.computeSecret()` runs OpenSSL's full key check on the object's own, just generated key
// pair before every derivation (`EC_KEY_check_key`: n·Q = ∞ and d·G = Q, two more scalar multiplications);
// measured on the bench machine that is ≈ 100 µs of the ≈ 113 µs per message, against ≈ 45 µs for the
// derivation itself. Here each call does what RFC 8291 needs and nothing more:
//   1. decode the subscriber's public key (65-byte uncompressed point); OpenSSL refuses a point that is not
//      on the curve, and P-256 has cofactor 1, so every point on the curve is a valid public key;
//   2. draw a fresh private key d uniformly in [1, n-1] from OpenSSL's private CSPRNG;
//   3. Q = d·G (the sender's public key, fixed-base) and S = d·P (variable-base), both constant-time in
//      OpenSSL's P-256 code;
//   4. write Q (65 bytes, uncompressed) then the x coordinate of S (32 bytes) into the caller's buffer, and
//      wipe d.
// The private key never leaves this file and is never reused.
//
// JavaScript: `ecdh(peerPublicKey: Buffer(65), out: Buffer(97)): void`, throwing on a bad key.
#define NAPI_VERSION 8
#include <node_api.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <stdlib.h>

#define POINT_BYTES 65
#define SECRET_BYTES 32

// Per Node.js environment (main thread or a worker thread): nothing is shared between threads.
typedef struct {
  EC_GROUP *group;
  BN_CTX *ctx;
  EC_POINT *peer;
  EC_POINT *ours;
  EC_POINT *shared;
  BIGNUM *d;
  BIGNUM *x;
} State;

static void free_state(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  State *s = data;
  if (!s) return;
  EC_POINT_free(s->peer);
  EC_POINT_free(s->ours);
  EC_POINT_free(s->shared);
  BN_clear_free(s->d);
  BN_free(s->x);
  BN_CTX_free(s->ctx);
  EC_GROUP_free(s->group);
  free(s);
}

static napi_value fail(napi_env env, const char *message) {
  ERR_clear_error();
  napi_throw_error(env, "ERR_PUSH_ECDH", message);
  return NULL;
}

static napi_value ecdh(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  State *s;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 2)
    return fail(env, "ecdh(peerPublicKey, out) takes two buffers");
  if (napi_get_instance_data(env, (void **)&s) != napi_ok || !s) return fail(env, "p256-ecdh not initialised");

  bool is_buffer = false;
  void *peer_data, *out_data;
  size_t peer_len, out_len;
  if (napi_is_buffer(env, argv[0], &is_buffer) != napi_ok || !is_buffer ||
      napi_get_buffer_info(env, argv[0], &peer_data, &peer_len) != napi_ok)
    return fail(env, "peerPublicKey must be a Buffer");
  if (napi_is_buffer(env, argv[1], &is_buffer) != napi_ok || !is_buffer ||
      napi_get_buffer_info(env, argv[1], &out_data, &out_len) != napi_ok)
    return fail(env, "out must be a Buffer");
  if (out_len < POINT_BYTES + SECRET_BYTES) return fail(env, "out must hold 97 bytes");
  const unsigned char *peer = peer_data;
  if (peer_len != POINT_BYTES || peer[0] != 0x04)
    return fail(env, "the public key must be a 65-byte uncompressed P-256 point");
  // Refuses coordinates outside the field and points not on the curve.
  if (!EC_POINT_oct2point(s->group, s->peer, peer, peer_len, s->ctx) ||
      EC_POINT_is_at_infinity(s->group, s->peer))
    return fail(env, "the public key is not a point on P-256");

  const BIGNUM *order = EC_GROUP_get0_order(s->group);
  do {
    if (!BN_priv_rand_range(s->d, order)) return fail(env, "no random bytes");
  } while (BN_is_zero(s->d));
  unsigned char *out = out_data;
  int ok = EC_POINT_mul(s->group, s->ours, s->d, NULL, NULL, s->ctx) &&
           EC_POINT_mul(s->group, s->shared, NULL, s->peer, s->d, s->ctx) &&
           !EC_POINT_is_at_infinity(s->group, s->shared) &&
           EC_POINT_point2oct(s->group, s->ours, POINT_CONVERSION_UNCOMPRESSED, out, POINT_BYTES, s->ctx) ==
               POINT_BYTES &&
           EC_POINT_get_affine_coordinates(s->group, s->shared, s->x, NULL, s->ctx) &&
           BN_bn2binpad(s->x, out + POINT_BYTES, SECRET_BYTES) == SECRET_BYTES;
  BN_clear(s->d);
  if (!ok) return fail(env, "ECDH failed");
  return NULL;
}

NAPI_MODULE_INIT() {
  State *s = calloc(1, sizeof(State));
  if (!s) return NULL;
  s->group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  s->ctx = BN_CTX_new();
  s->d = BN_secure_new();
  s->x = BN_new();
  if (s->group) {
    s->peer = EC_POINT_new(s->group);
    s->ours = EC_POINT_new(s->group);
    s->shared = EC_POINT_new(s->group);
  }
  if (!s->group || !s->ctx || !s->d || !s->x || !s->peer || !s->ours || !s->shared) {
    free_state(env, s, NULL);
    napi_throw_error(env, "ERR_PUSH_ECDH", "OpenSSL P-256 unavailable");
    return NULL;
  }
  BN_set_flags(s->d, BN_FLG_CONSTTIME);
  if (napi_set_instance_data(env, s, free_state, NULL) != napi_ok) {
    free_state(env, s, NULL);
    return NULL;
  }
  napi_value fn;
  if (napi_create_function(env, "ecdh", NAPI_AUTO_LENGTH, ecdh, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "ecdh", fn) != napi_ok)
    return NULL;
  return exports;
}
