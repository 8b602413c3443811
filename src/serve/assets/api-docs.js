// The OpenAPI viewer: reads /api/openapi.json and lists each operation.
"use strict";
(async () => {
  const root = document.getElementById("api-docs");
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  let doc;
  try {
    doc = await (await fetch("/api/openapi.json")).json();
  } catch (e) {
    root.textContent = "无法读取接口说明：" + e;
    return;
  }
  root.textContent = "";
  root.appendChild(el("p", `${doc.info.title} ${doc.info.version}：${doc.info.description}`));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el("section", undefined, "op");
      box.id = `${method}-${path}`;
      const h = el("h2");
      h.appendChild(el("span", method, "method"));
      h.appendChild(el("code", path));
      box.appendChild(h);
      box.appendChild(el("p", op.summary || ""));
      if (op.description) box.appendChild(el("p", op.description, "hint"));
      const params = op.parameters || [];
      if (params.length) {
        box.appendChild(el("h3", "参数"));
        const ul = el("ul");
        for (const p of params) ul.appendChild(el("li", `${p.name}（${p.in}${p.required ? "，必填" : ""}）：${p.description || ""}`));
        box.appendChild(ul);
      }
      if (op.requestBody) {
        box.appendChild(el("h3", "请求体"));
        const ul = el("ul");
        for (const [type, c] of Object.entries(op.requestBody.content)) {
          const props = c.schema && c.schema.properties ? Object.entries(c.schema.properties).map(([k, v]) => `${k}：${v.description || v.type || ""}`).join("；") : (c.schema && c.schema.description) || "";
          ul.appendChild(el("li", `${type}${props ? " — " + props : ""}`));
        }
        box.appendChild(ul);
      }
      box.appendChild(el("h3", "响应"));
      const ul = el("ul");
      for (const [code, r] of Object.entries(op.responses)) ul.appendChild(el("li", `${code}：${r.description}`));
      box.appendChild(ul);
      root.appendChild(box);
    }
  }
})();
