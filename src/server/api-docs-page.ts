import type { buildOpenApi } from '../platform/http/openapi.js';

function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A readable, script-free page of the API's operations, built from the OpenAPI document. */
export function renderApiDocs(doc: ReturnType<typeof buildOpenApi>, lang: 'vi' | 'en'): string {
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(
      ops as Record<
        string,
        {
          summary: string;
          tags: string[];
          requestBody?: unknown;
          parameters: { name: string; in: string; required: boolean }[];
          security?: unknown;
        }
      >,
    )) {
      const params = op.parameters
        .filter((p) => p.in !== 'header')
        .map((p) => `${esc(p.name)} (${esc(p.in)}${p.required ? ', *' : ''})`);
      const body = op.requestBody
        ? `<details><summary>${lang === 'en' ? 'Request body' : 'Nội dung gửi'}</summary><pre>${esc(JSON.stringify((op.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema, null, 2))}</pre></details>`
        : '';
      rows.push(
        `<tr><td><code>${esc(method.toUpperCase())}</code></td><td><code>${esc(path)}</code></td><td>${esc(op.summary)}${body}</td><td>${params.join('<br>')}</td><td>${op.security ? (lang === 'en' ? 'session' : 'cần đăng nhập') : lang === 'en' ? 'public' : 'công khai'}</td></tr>`,
      );
    }
  }
  const t =
    lang === 'en'
      ? {
          title: 'API documentation',
          intro: 'Machine-readable document:',
          method: 'Method',
          path: 'Path',
          what: 'What',
          params: 'Parameters',
          access: 'Access',
        }
      : {
          title: 'Tài liệu API',
          intro: 'Tài liệu máy đọc được:',
          method: 'Phương thức',
          path: 'Đường dẫn',
          what: 'Chức năng',
          params: 'Tham số',
          access: 'Quyền',
        };
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(t.title)} — ${esc(doc.info.title)}</title><link rel="stylesheet" href="/public.css"></head><body><main id="main" class="container"><h1>${esc(t.title)}: ${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p><p>${esc(t.intro)} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi)})</p><table class="table"><thead><tr><th scope="col">${t.method}</th><th scope="col">${t.path}</th><th scope="col">${t.what}</th><th scope="col">${t.params}</th><th scope="col">${t.access}</th></tr></thead><tbody>${rows.join('')}</tbody></table></main></body></html>`;
}
