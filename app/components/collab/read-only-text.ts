import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Plugin, PluginKey } from "@tiptap/pm/state";

const refuse = (event: Event) => {
  event.preventDefault();
  return true;
};

/**
 * Keeps an editable-looking field from changing: typing, pasting and dropping are refused before
 * the browser touches the page, and any other change made here is filtered out. Changes from the
 * shared document (other people's typing) still arrive. Like a non-editable field, this is the
 * page's rule: the server grants or refuses writing the document as a whole.
 */
export const ReadOnlyText = Extension.create({
  name: "readOnlyText",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("readOnlyText"),
        filterTransaction: (tr) => !tr.docChanged || isChangeOrigin(tr),
        props: {
          handleDOMEvents: { beforeinput: (_view, event) => refuse(event), drop: (_view, event) => refuse(event) },
          handlePaste: () => true,
        },
      }),
    ];
  },
});
