"""ipywidgets explorers: layout and wiring only; every callback calls the analyses and plots.

Each explorer is a function that returns an `Explorer` (an ipywidgets VBox) with
``.controls`` (name -> control widget) and ``.views`` (name -> HTML, Image or Box widget).
Setting a control's value updates the views at once, so tests (and notebooks) drive an
explorer without a browser. Figures are rendered to sharp PNG images and tables to HTML,
which works the same in JupyterLab and in Voila; every explorer speaks Dutch or English
(``controls["lang"]``, starting in the default language).

- `network_explorer`: the network, with an interactive map (ipysigma) and the map for print;
- `partner_explorer`, `goal_explorer`, `roles_explorer`, `lessons_explorer`,
  `waves_explorer`: the instruments;
- `case_browser`: the shipped cases; `upload_explorer`: your own workbook or zip;
  `report_explorer`: a case's key findings and its report to download;
  `survey_explorer`: a network survey's response and confirmed ties.
"""

try:
    import ipywidgets  # noqa: F401  (the workbench extra)
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("relnet's explorers need the workbench: pip install 'relnet[lab]' "
                      "(make lab installs it)") from error

from ._base import Explorer
from .instruments import (
    goal_explorer,
    lessons_explorer,
    partner_explorer,
    roles_explorer,
    waves_explorer,
)
from .network import case_browser, network_explorer, sigma_view
from .report import report_explorer
from .survey import survey_explorer
from .upload import problems_table, upload_explorer

__all__ = ["network_explorer", "partner_explorer", "goal_explorer", "roles_explorer",
           "lessons_explorer", "waves_explorer", "case_browser", "upload_explorer",
           "survey_explorer", "report_explorer", "sigma_view", "problems_table", "Explorer"]
