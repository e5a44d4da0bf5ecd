"""Labels on figures: wrapped, shortened, placed without overlap, and capped in number.

`place_labels` puts each label where it covers no marker, no other text, no arrow and no
other label (measured in display coordinates as matplotlib draws them), and leaves out a
label that fits nowhere; the figure then says how many names are missing. No figure places
more than `MAX_LABELS` labels, so a case with 500 partners draws in seconds. (v3 replaced
adjustText, which moves labels apart by forces and does not guarantee that none overlap.)
"""

import math
import textwrap

import numpy as np

__all__ = ["wrap", "shorten", "place_labels", "obstacles", "MAX_LABELS", "LABEL_GID"]

MAX_LABELS = 40
MAX_NAME = 60


def shorten(text, limit=MAX_NAME):
    """A name cut to `limit` characters (a 1 MB name must not make a 195 MB report)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text, width=18, limit=MAX_NAME):
    """Wrap at spaces only: Dutch compounds ("Werkervaringsplekken") stay whole."""
    text = shorten(text, limit)
    return "\n".join(textwrap.wrap(text, width, break_long_words=False,
                                   break_on_hyphens=True)) or text


LABEL_GID = "relnet-label"
# directions tried around a point, most readable first (right, left, above, below, corners)
_DIRECTIONS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)]
_RINGS = (1.0, 2.2, 3.6)  # distances, in label heights beyond the marker's edge


def _renderer(fig):
    """The figure's renderer; a figure pyplot does not manage gets an Agg canvas first."""
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    return fig.canvas.get_renderer()


def obstacles(ax):
    """What a label must not cover, as display boxes (x0, y0, x1, y1): every marker of the
    axes' scatter plots (its size), every text already on the axes (quadrant names, bundle
    names), and points along every arrow and line drawn with `annotate` or `plot`."""
    from matplotlib.collections import PathCollection

    fig = ax.figure
    renderer = _renderer(fig)
    boxes = []
    scale = fig.dpi / 72
    for collection in ax.collections:
        if not isinstance(collection, PathCollection):
            continue
        offsets = ax.transData.transform(np.asarray(collection.get_offsets(), dtype=float))
        sizes = collection.get_sizes()
        for i, (x, y) in enumerate(offsets):
            area = sizes[i] if len(sizes) > 1 else (sizes[0] if len(sizes) else 36)
            r = math.sqrt(area) / 2 * scale + collection.get_linewidths()[0] * scale
            boxes.append((x - r, y - r, x + r, y + r))
    for text in ax.texts:
        if text.get_text().strip() and text.get_visible() and text.get_gid() != LABEL_GID:
            extent = text.get_window_extent(renderer)
            boxes.append((extent.x0, extent.y0, extent.x1, extent.y1))
        arrow = getattr(text, "arrow_patch", None)
        if arrow is not None and text.get_visible():
            start = ax.transData.transform(text.xyann if text.anncoords == "data"
                                           else text.xy)
            end = ax.transData.transform(text.xy)
            boxes += _segment(start, end, 3 * scale)
    for line in ax.lines:
        if line.get_transform() != ax.transData or line.get_gid() == LABEL_GID:
            continue  # axhline / axvline: the threshold lines, labels may cross them
        points = ax.transData.transform(np.column_stack(line.get_data()).astype(float))
        for a, b in zip(points[:-1], points[1:]):
            boxes += _segment(a, b, 2 * scale)
    return boxes


def _segment(a, b, half):
    """Small boxes along a segment in display coordinates, about every `half` * 2 pixels."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    steps = max(1, int(np.hypot(*(b - a)) / (2 * half)))
    return [(x - half, y - half, x + half, y + half)
            for x, y in (a + (b - a) * t for t in np.linspace(0, 1, steps + 1))]


def _free(box, boxes):
    return all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3]
               for b in boxes)


def place_labels(ax, points, texts, fontsize=10, zorder=5, **text_kwargs):
    """Labels placed where they cover no marker, no other text, no arrow and no other label,
    inside the axes; most important first. Around each point eight directions are tried at
    three distances (a thin line joins a label set further out to its point); a label that
    fits nowhere is left out. Returns the number placed. Placed labels carry the gid
    ``relnet-label`` (the tests check them for overlap).

    Call it last: positions are computed in display coordinates, so the figure is laid out
    first and its layout engine then switched off (a later layout would move the axes
    under the labels); text added outside the axes afterwards is still saved with
    ``bbox_inches="tight"``.
    """
    if not texts:
        return 0
    fig = ax.figure
    renderer = _renderer(fig)
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    taken = obstacles(ax)
    frame = ax.get_window_extent(renderer)
    inverse = ax.transData.inverted()
    scale = fig.dpi / 72
    marker_radius = {}
    for box in taken:
        marker_radius.setdefault(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2),
                                 (box[2] - box[0]) / 2)
    placed = 0
    for (px, py), text in zip(points, texts):
        artist = ax.text(0, 0, text, fontsize=fontsize, ha="center", va="center",
                         zorder=zorder, gid=LABEL_GID, **text_kwargs)
        extent = artist.get_window_extent(renderer)
        w, h = extent.width + 2 * scale, extent.height + 2 * scale
        x, y = ax.transData.transform((px, py))
        r = marker_radius.get((x, y), 4 * scale) + 2 * scale
        spot = None
        for ring in _RINGS:
            for dx, dy in _DIRECTIONS:
                gap = r + (ring - 1) * h
                cx = x + dx * (gap + w / 2)
                cy = y + dy * (gap + h / 2)
                box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                inside = frame.x0 <= box[0] and box[2] <= frame.x1 and \
                    frame.y0 <= box[1] and box[3] <= frame.y1
                if inside and _free(box, taken):
                    spot = (cx, cy, box, ring)
                    break
            if spot:
                break
        if spot is None:
            artist.remove()
            continue
        cx, cy, box, ring = spot
        artist.set_position(inverse.transform((cx, cy)))
        taken.append(box)
        if ring > 1:  # a leader line to the point
            edge = inverse.transform((cx - np.sign(cx - x) * w / 2 * (abs(cx - x) > w / 2),
                                      cy - np.sign(cy - y) * h / 2 * (abs(cy - y) > h / 2)))
            ax.plot([px, edge[0]], [py, edge[1]], color="#777777", lw=0.5, zorder=zorder - 1,
                    gid=LABEL_GID)
            taken += _segment((x, y), ax.transData.transform(edge), 2 * scale)
        placed += 1
    return placed
