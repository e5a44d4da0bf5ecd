"""Two small browser widgets (anywidget): a drop zone that hands a file to Python, and a
button that starts a download in one click.

Both work the same in JupyterLab and in Voila: the file travels as a binary buffer over the
widget's comm, nothing is written on the server, and nothing is requested from the internet.
"""

import datetime

import anywidget
import traitlets

__all__ = ["DropZone", "DownloadButton"]

_DROP_ESM = """
function render({ model, el }) {
  const zone = document.createElement("div");
  zone.className = "relnet-dropzone";
  zone.tabIndex = 0;
  zone.setAttribute("role", "button");
  const text = document.createElement("div");
  text.className = "relnet-dropzone-text";
  const button = document.createElement("button");
  button.className = "jupyter-button widget-button relnet-dropzone-button";
  button.type = "button";
  const input = document.createElement("input");
  input.type = "file";
  input.style.display = "none";
  const status = document.createElement("div");
  status.className = "relnet-dropzone-status";
  zone.append(text, button, input, status);
  el.append(zone);
  function show() {
    text.textContent = model.get("label");
    button.textContent = model.get("button");
    input.accept = model.get("accept");
    status.textContent = model.get("status");
  }
  show();
  model.on("change", show);
  function send(file) {
    if (!file) { return; }
    status.textContent = model.get("reading");
    file.arrayBuffer().then((data) => {
      model.send({ event: "file", name: file.name, size: file.size,
                   type: file.type || "", modified: file.lastModified || 0 }, undefined,
                 [data]);
    });
  }
  button.addEventListener("click", (event) => { event.stopPropagation(); input.click(); });
  zone.addEventListener("click", () => input.click());
  zone.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); }
  });
  input.addEventListener("change", () => { send(input.files[0]); input.value = ""; });
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (event) => {
      event.preventDefault(); zone.classList.add("relnet-dropzone-over");
    });
  }
  for (const name of ["dragleave", "drop"]) {
    zone.addEventListener(name, () => zone.classList.remove("relnet-dropzone-over"));
  }
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    send(event.dataTransfer && event.dataTransfer.files[0]);
  });
}
export default { render };
"""

_DROP_CSS = """
.relnet-dropzone { border: 2px dashed #0072B2; border-radius: 8px; padding: 14px 18px;
  background: #f2f6fa; cursor: pointer; max-width: 560px; font-size: 15px; }
.relnet-dropzone-over { background: #dcebf7; border-style: solid; }
.relnet-dropzone-text { margin-bottom: 8px; }
.relnet-dropzone-button { font-size: 15px; height: auto; padding: 6px 14px; width: auto;
  max-width: none; overflow: visible; white-space: nowrap; }
.relnet-dropzone-status { margin-top: 6px; color: #333; }
"""


class DropZone(anywidget.AnyWidget):
    """A field to drop a file on, with a button to choose one (no counter, no claim the
    widget cannot keep). ``value`` holds the last file as ipywidgets' FileUpload does: a
    tuple of one dict with name, type, size, content (a memoryview) and last_modified, so
    code written for FileUpload reads it unchanged (and tests set it directly).

    Parameters
    ----------
    accept : str
        The file types the chooser offers (``".xlsx,.zip"``).
    """

    _esm = _DROP_ESM
    _css = _DROP_CSS
    label = traitlets.Unicode("").tag(sync=True)
    button = traitlets.Unicode("").tag(sync=True)
    reading = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    accept = traitlets.Unicode("").tag(sync=True)
    value = traitlets.Tuple()  # in Python only: the file arrives as a binary message

    def __init__(self, accept="", **kwargs):
        super().__init__(accept=accept, **kwargs)
        self.on_msg(self._received)

    def _received(self, _, content, buffers):
        if content.get("event") != "file" or not buffers:
            return
        modified = datetime.datetime.fromtimestamp(content.get("modified", 0) / 1000,
                                                   tz=datetime.UTC)
        self.status = ""
        self.value = ({"name": str(content.get("name", "")), "type": content.get("type", ""),
                       "size": int(content.get("size", 0)),
                       "content": memoryview(bytes(buffers[0])), "last_modified": modified},)


_DOWNLOAD_ESM = """
function render({ model, el }) {
  const button = document.createElement("button");
  button.className = "jupyter-button widget-button relnet-download-button";
  button.type = "button";
  el.append(button);
  function show() {
    const busy = model.get("busy");
    button.textContent = (busy ? "\\u23F3 " : "\\u2B07 ") +
      (busy ? model.get("busy_text") : model.get("description"));
    button.disabled = busy;
  }
  show();
  model.on("change", show);
  button.addEventListener("click", () => model.send({ event: "click" }));
  model.on("msg:custom", (message, buffers) => {
    if (message.event !== "file" || !buffers || !buffers.length) { return; }
    const blob = new Blob([buffers[0]], { type: message.mime });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = message.name;
    link.style.display = "none";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
}
export default { render };
"""

_DOWNLOAD_CSS = """
.relnet-download-button { font-size: 15px; height: auto; padding: 6px 12px; margin: 2px 6px 2px 0;
  background: #0072B2; color: #fff; border-radius: 4px; width: auto; max-width: none;
  overflow: visible; white-space: nowrap; }
.relnet-download-button:disabled { background: #6b8fa8; }
"""


class DownloadButton(anywidget.AnyWidget):
    """A button that makes a file and starts its download in the browser, in one click.

    Parameters
    ----------
    make : callable
        ``make()`` returns (file name, MIME type, bytes).
    description : str
        The button's text.

    ``click()`` does in Python what a click in the browser does (tests use it); it returns
    (file name, MIME type, bytes) and calls the functions given to `on_done`.
    """

    _esm = _DOWNLOAD_ESM
    _css = _DOWNLOAD_CSS
    description = traitlets.Unicode("").tag(sync=True)
    busy_text = traitlets.Unicode("").tag(sync=True)
    busy = traitlets.Bool(False).tag(sync=True)

    def __init__(self, make, description="", **kwargs):
        super().__init__(description=description, **kwargs)
        self._make = make
        self._done = []
        self.on_msg(lambda _, content, buffers: self.click()
                    if content.get("event") == "click" else None)

    def on_done(self, callback):
        """Call ``callback(name, mime, data)`` after each file was made."""
        self._done.append(callback)

    def click(self):
        self.busy = True
        try:
            name, mime, data = self._make()
        finally:
            self.busy = False
        self.send({"event": "file", "name": name, "mime": mime}, [data])
        for callback in self._done:
            callback(name, mime, data)
        return name, mime, data
