/*
 * The document body editor: Squire on the textarea's place, with the toolbar the page rendered
 * (hidden until this runs, so that without JavaScript the textarea works as before). Everything
 * pasted or loaded goes through DOMPurify with the elements and attributes the server's sanitizer
 * keeps and nothing else: no style, class or font from Word or WPS, no comments or Office tags.
 * The textarea gets the HTML when the form is sent.
 */
(function () {
  'use strict';

  var KEPT = {
    ALLOWED_TAGS: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'ul', 'ol', 'li',
      'a', 'blockquote', 'pre', 'hr', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'img'],
    ALLOWED_ATTR: ['href', 'title', 'colspan', 'rowspan', 'scope', 'src', 'alt'],
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true
  };

  function clean(html) {
    // Word and WPS wrap their paragraphs in conditional comments and <o:p>; headings 1 become 2.
    var normalised = String(html)
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
      .replace(/<\/?o:p>/gi, '')
      .replace(/<(\/?)h1\b/gi, '<$1h2');
    return DOMPurify.sanitize(normalised, Object.assign({ RETURN_DOM_FRAGMENT: true }, KEPT));
  }

  /** Squire marks bold and italic with b and i; documents say strong and em. */
  function semantic(html) {
    var holder = document.createElement('template');
    holder.innerHTML = html;
    [['b', 'strong'], ['i', 'em']].forEach(function (pair) {
      Array.prototype.forEach.call(holder.content.querySelectorAll(pair[0]), function (old) {
        var replacement = document.createElement(pair[1]);
        while (old.firstChild) {
          replacement.appendChild(old.firstChild);
        }
        old.parentNode.replaceChild(replacement, old);
      });
    });
    return holder.innerHTML;
  }

  function attach(area) {
    var toolbar = document.getElementById(area.getAttribute('data-toolbar'));
    if (!toolbar || typeof Squire === 'undefined' || typeof DOMPurify === 'undefined') {
      return;
    }
    var surface = document.createElement('div');
    surface.className = 'rich-text-surface body-text';
    surface.id = area.id + '-editor';
    surface.setAttribute('role', 'textbox');
    surface.setAttribute('aria-multiline', 'true');
    var label = document.querySelector('label[for="' + area.id + '"]');
    if (label) {
      label.id = label.id || area.id + '-label';
      label.setAttribute('for', surface.id);
      surface.setAttribute('aria-labelledby', label.id);
    }
    area.parentNode.insertBefore(surface, area.nextSibling);
    area.hidden = true;
    toolbar.hidden = false;

    var editor = new Squire(surface, {
      blockTag: 'P',
      sanitizeToDOMFragment: function (html) { return clean(html); }
    });
    editor.setHTML(area.value);

    var commands = {
      bold: function () { editor.hasFormat('B') ? editor.removeBold() : editor.bold(); },
      italic: function () { editor.hasFormat('I') ? editor.removeItalic() : editor.italic(); },
      h2: function () { heading('H2'); },
      h3: function () { heading('H3'); },
      paragraph: function () { heading('P'); },
      bullets: function () { editor.hasFormat('UL') ? editor.removeList() : editor.makeUnorderedList(); },
      numbers: function () { editor.hasFormat('OL') ? editor.removeList() : editor.makeOrderedList(); },
      link: function () {
        var url = window.prompt(toolbar.getAttribute('data-link-prompt'), 'https://');
        if (url && /^(https?:\/\/|\/)/.test(url)) {
          editor.makeLink(url);
        }
      },
      unlink: function () { editor.removeLink(); },
      clear: function () { editor.removeAllFormatting(); },
      undo: function () { editor.undo(); },
      redo: function () { editor.redo(); }
    };

    function heading(tag) {
      editor.modifyBlocks(function (fragment) {
        var blocks = fragment.querySelectorAll('p, h2, h3, h4');
        Array.prototype.forEach.call(blocks, function (block) {
          if (block.nodeName !== tag) {
            var replacement = document.createElement(tag);
            while (block.firstChild) {
              replacement.appendChild(block.firstChild);
            }
            block.parentNode.replaceChild(replacement, block);
          }
        });
        return fragment;
      });
    }

    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-command]');
      if (button && commands[button.getAttribute('data-command')]) {
        event.preventDefault();
        commands[button.getAttribute('data-command')]();
        editor.focus();
      }
    });

    area.form.addEventListener('submit', function () {
      area.value = semantic(editor.getHTML());
    });
  }

  document.querySelectorAll('textarea[data-toolbar]').forEach(attach);
}());
