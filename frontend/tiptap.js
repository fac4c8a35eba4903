// The parts of TipTap (npm, package.json) the email editor uses, bundled by scripts/setup
// (`npm run build`) into build/vendor/tiptap/tiptap.min.js, one classic script that sets
// window.TipTap: TipTap ships ES modules with bare imports, which a browser can only load
// through an inline import map, and the Content-Security-Policy allows no inline scripts.
// The editor itself is static/js/email-editor.js; nothing of TipTap is kept in git.
export { Editor, Node, Extension, mergeAttributes, nodeInputRule, nodePasteRule } from "@tiptap/core";
export { StarterKit } from "@tiptap/starter-kit";
export { Image } from "@tiptap/extension-image";
export { Plugin, PluginKey, NodeSelection } from "@tiptap/pm/state";
export { Decoration, DecorationSet } from "@tiptap/pm/view";
