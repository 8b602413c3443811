// jicai serve: small enhancements; every page works without them.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Drag and drop onto the upload area, and the chosen files listed.
  const drop = document.getElementById("drop");
  const input = document.getElementById("files");
  const list = document.getElementById("file-list");
  if (drop && input && list) {
    const show = () => {
      list.textContent = "";
      for (const f of input.files) {
        const li = document.createElement("li");
        li.textContent = `${f.name}（${Math.max(1, Math.round(f.size / 1024))} KB）`;
        list.appendChild(li);
      }
    };
    input.addEventListener("change", show);
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      input.files = e.dataTransfer.files;
      show();
    });
  }
  // Lists of records: add and remove rows.
  for (const fs of document.querySelectorAll("fieldset.records")) {
    const rows = fs.querySelector(".rows");
    const tpl = fs.querySelector("template");
    let next = rows.children.length;
    fs.querySelector(".add-row").addEventListener("click", () => {
      const html = tpl.innerHTML.replaceAll("__i__", String(next++));
      rows.insertAdjacentHTML("beforeend", html);
    });
    fs.addEventListener("click", (e) => {
      if (e.target.classList.contains("remove-row") && rows.children.length > 1) {
        e.target.closest(".record").remove();
      }
    });
  }
  // Filter rules and parameters on a rule set's page.
  const filter = document.getElementById("filter");
  if (filter) {
    const items = document.querySelectorAll(filter.dataset.target);
    filter.addEventListener("input", () => {
      const q = filter.value.trim().toLowerCase();
      for (const it of items) it.classList.toggle("hidden", q !== "" && !it.textContent.toLowerCase().includes(q));
    });
  }
});
