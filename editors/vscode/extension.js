// Starts `threatlint lsp` for YAML and JSON files: everything else is the language server's.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('threatlint').get('command');
  client = new LanguageClient('threatlint', 'threatlint', { command, args }, {
    // untitled: new buffers not saved yet, analysed from their text with the workspace folder as root
    documentSelector: ['file', 'untitled'].flatMap((scheme) =>
      ['yaml', 'json'].map((language) => ({ scheme, language }))),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.threatlint.{yaml,yml,json}') },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
