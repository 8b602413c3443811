// Starts `jicai lsp` for .rules files: diagnostics, hover, completion,
// go to definition and the outline all come from the server.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("jicai").get("path", "jicai");
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "jicai",
    "集采规则",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "jicai-rules" }, { scheme: "untitled", language: "jicai-rules" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
