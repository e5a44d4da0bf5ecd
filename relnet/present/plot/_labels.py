"""Labels on figures: wrapped, shortened, placed without overlap, and capped in number.

adjustText (a well-kept library) moves a few dozen labels apart nicely but its cost grows
quickly with their number; above `REPEL_LIMIT` labels a greedy placement is used, and no
figure ever places more than `MAX_LABELS` labels (the rest are counted in a note), so a
case with 500 partners draws in seconds.
"""

import textwrap

import numpy as np

__all__ = ["wrap", "shorten", "place_labels", "repel", "MAX_LABELS", "REPEL_LIMIT"]

MAX_LABELS = 40
REPEL_LIMIT = 30
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


def _box(ax, x, y, text, fontsize, gap):
    fig = ax.figure
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    position = ax.get_position()
    per_x = (x1 - x0) / (position.width * fig.get_figwidth() * 72)  # data units per point
    per_y = (y1 - y0) / (position.height * fig.get_figheight() * 72)
    lines = text.split("\n")
    w = max(map(len, lines)) * fontsize * 0.56 * per_x
    h = len(lines) * fontsize * 1.2 * per_y
    return w, h, gap * per_x, gap * per_y


def place_labels(ax, points, texts, fontsize=10, avoid=(), zorder=5, **text_kwargs):
    """Greedy placement: for each label (most important first) try eight spots around its
    point and keep the first that overlaps no earlier label nor a box in `avoid` (data
    coordinates x0, y0, x1, y1); a label that fits nowhere is skipped. Returns the number
    placed."""
    taken = list(avoid)
    offsets = [(0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1)]
    placed = 0
    for (px, py), text in zip(points, texts):
        w, h, gx, gy = _box(ax, px, py, text, fontsize, 5)
        for dx, dy in offsets:
            cx = px + dx * (w / 2 + gx)
            cy = py + dy * (h / 2 + gy)
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]
                   for b in taken):
                taken.append(box)
                ax.text(cx, cy, text, fontsize=fontsize, ha="center", va="center",
                        zorder=zorder, bbox=dict(facecolor="white", edgecolor="none",
                                                 alpha=0.75, pad=0.6), **text_kwargs)
                placed += 1
                break
    return placed


def repel(ax, points, texts, fontsize=10, objects=None):
    """Labels moved apart and off their points with adjustText (a thin line to the point);
    falls back to `place_labels` above `REPEL_LIMIT` labels. Returns the number placed."""
    if not texts:
        return 0
    if len(texts) > REPEL_LIMIT:
        return place_labels(ax, points, texts, fontsize)
    from adjustText import adjust_text

    xy = np.asarray(points, dtype=float)
    artists = [ax.text(x, y, t, fontsize=fontsize, zorder=5) for (x, y), t in zip(points, texts)]
    ax.figure.draw_without_rendering()  # adjustText measures the texts as drawn
    adjust_text(artists, x=xy[:, 0], y=xy[:, 1], objects=objects, ax=ax, expand=(1.2, 1.4),
                force_text=(0.3, 0.5), force_static=(0.3, 0.5), max_move=(30, 30),
                iter_lim=300, arrowprops=dict(arrowstyle="-", lw=0.5, color="#777777"))
    return len(artists)
