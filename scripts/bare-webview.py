# The floor for the memory benchmark: a bare WebKitGTK view (the library Zayava's window is
# made of, through Tauri) showing one line of text, in a window the size Zayava's is.
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
window.show_all()
Gtk.main()
