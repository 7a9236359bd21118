// Boxes drawn on page pictures become rows of the form (millimetres from the top left corner);
// the form works without this script, by typing the rows.
(function () {
  'use strict';
  var rows = document.getElementById('box-rows');
  var status = document.getElementById('draw-status');
  if (!rows || !status) {
    return;
  }

  function say(template, values) {
    status.textContent = template.replace(/\{(\d)\}/g, function (_, i) { return values[+i]; });
  }

  function round(value) {
    return Math.round(value * 10) / 10;
  }

  function field(row, name) {
    return row.querySelector('[name="' + name + '"]');
  }

  function emptyRow() {
    var all = rows.querySelectorAll('tr');
    for (var i = 0; i < all.length; i++) {
      if (!field(all[i], 'left').value && !field(all[i], 'width').value) {
        return all[i];
      }
    }
    var copy = all[all.length - 1].cloneNode(true);
    copy.querySelectorAll('input').forEach(function (input) { input.value = ''; });
    rows.appendChild(copy);
    return copy;
  }

  function addRow(page, box) {
    var row = emptyRow();
    field(row, 'page').value = page;
    field(row, 'left').value = round(box.left);
    field(row, 'top').value = round(box.top);
    field(row, 'width').value = round(box.width);
    field(row, 'height').value = round(box.height);
    redraw();
    var index = Array.prototype.indexOf.call(rows.querySelectorAll('tr'), row) + 1;
    say(status.dataset.added, [index]);
  }

  function redraw() {
    document.querySelectorAll('.redaction-page').forEach(function (figure) {
      figure.querySelectorAll('.redaction-box.saved').forEach(function (b) { b.remove(); });
      rows.querySelectorAll('tr').forEach(function (row) {
        var w = parseFloat(field(row, 'width').value);
        if (field(row, 'page').value === figure.dataset.page && w > 0) {
          show(figure, {
            left: parseFloat(field(row, 'left').value) || 0,
            top: parseFloat(field(row, 'top').value) || 0,
            width: w,
            height: parseFloat(field(row, 'height').value) || 0
          }, 'saved');
        }
      });
    });
  }

  function show(figure, box, kind) {
    var el = document.createElement('div');
    el.className = 'redaction-box ' + kind;
    var w = parseFloat(figure.dataset.widthMm);
    var h = parseFloat(figure.dataset.heightMm);
    el.style.left = (box.left / w * 100) + '%';
    el.style.top = (box.top / h * 100) + '%';
    el.style.width = (box.width / w * 100) + '%';
    el.style.height = (box.height / h * 100) + '%';
    figure.querySelector('.redaction-frame').appendChild(el);
    return el;
  }

  document.querySelectorAll('.redaction-page').forEach(function (figure) {
    var img = figure.querySelector('img');
    var frame = document.createElement('div');
    frame.className = 'redaction-frame';
    img.parentNode.insertBefore(frame, img);
    frame.appendChild(img);
    var w = parseFloat(figure.dataset.widthMm);
    var h = parseFloat(figure.dataset.heightMm);
    var page = figure.dataset.page;
    var start = null;
    var drawing = null;
    var pending = null;

    function mm(event) {
      var r = img.getBoundingClientRect();
      return {
        x: Math.min(Math.max(event.clientX - r.left, 0), r.width) / r.width * w,
        y: Math.min(Math.max(event.clientY - r.top, 0), r.height) / r.height * h
      };
    }

    function boxFrom(a, b) {
      return {
        left: Math.min(a.x, b.x), top: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y)
      };
    }

    frame.addEventListener('pointerdown', function (event) {
      event.preventDefault();
      start = mm(event);
      drawing = show(figure, { left: start.x, top: start.y, width: 0, height: 0 }, 'drawing');
      frame.setPointerCapture(event.pointerId);
    });
    frame.addEventListener('pointermove', function (event) {
      if (!start) { return; }
      var box = boxFrom(start, mm(event));
      drawing.style.left = (box.left / w * 100) + '%';
      drawing.style.top = (box.top / h * 100) + '%';
      drawing.style.width = (box.width / w * 100) + '%';
      drawing.style.height = (box.height / h * 100) + '%';
    });
    frame.addEventListener('pointerup', function (event) {
      if (!start) { return; }
      var box = boxFrom(start, mm(event));
      start = null;
      drawing.remove();
      if (box.width >= 1 && box.height >= 1) {
        addRow(page, box);
      }
    });

    function place(box) {
      if (pending) { pending.remove(); }
      pending = show(figure, box, 'drawing');
      pending.box = box;
      say(status.dataset.placed, [page, round(box.left), round(box.top), round(box.width), round(box.height)]);
    }

    figure.addEventListener('keydown', function (event) {
      if (event.target !== figure) { return; }
      var key = event.key;
      if (key === 'Enter') {
        event.preventDefault();
        if (!pending) {
          place({ left: w / 2 - 20, top: h / 2 - 4, width: 40, height: 8 });
        } else {
          var box = pending.box;
          pending.remove();
          pending = null;
          addRow(page, box);
        }
        return;
      }
      if (key === 'Escape' && pending) {
        event.preventDefault();
        pending.remove();
        pending = null;
        say(status.dataset.cancelled, []);
        return;
      }
      var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (!pending || !moves[key]) { return; }
      event.preventDefault();
      var step = event.shiftKey ? 10 : 1;
      var d = moves[key];
      var b = Object.assign({}, pending.box);
      if (event.altKey) {
        b.width = Math.max(1, Math.min(w - b.left, b.width + d[0] * step));
        b.height = Math.max(1, Math.min(h - b.top, b.height + d[1] * step));
      } else {
        b.left = Math.max(0, Math.min(w - b.width, b.left + d[0] * step));
        b.top = Math.max(0, Math.min(h - b.height, b.top + d[1] * step));
      }
      place(b);
    });
  });

  rows.addEventListener('input', redraw);
  redraw();
})();
