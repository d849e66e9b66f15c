# The floor for the memory benchmark: a bare WebKitGTK view (the library Zayava's window is
# made of, through Tauri) showing one line of text, in a window the size Zayava's is.
import sys
import time

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

window = Gtk.Window()
window.set_default_size(1280, 800)
view = WebKit2.WebView()
view.get_context().set_cache_model(WebKit2.CacheModel.DOCUMENT_VIEWER)
window.add(view)
view.load_html("<!doctype html><html><body><p>Заявка</p></body></html>", "about:blank")
window.connect("destroy", Gtk.main_quit)


# Launch to first paint, as Zayava's window reports its own: once the page is loaded, two
# animation frames later (the first frame with the page is then on screen), the wall clock
# in ms on stderr, for scripts/bench-startup.sh.
def painted(view, result):
    view.call_async_javascript_function_finish(result)
    print(f"bare view: first paint at {int(time.time() * 1000)}", file=sys.stderr, flush=True)


def loaded(view, event):
    if event == WebKit2.LoadEvent.FINISHED:
        frames = "await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); return 1;"
        view.call_async_javascript_function(frames, -1, None, None, None, None, painted)


view.connect("load-changed", loaded)
window.show_all()
Gtk.main()
