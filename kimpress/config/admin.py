"""site.yaml ``admin:``: the web editor kimpress writes at ``/admin/`` (see ``kimpress.plan.admin``).

    admin:
      backend: github                 # github, gitlab, gitea, bitbucket, azure, git-gateway
      repo: kim-bontang/kabar         # owner/name of the repository holding the site
      branch: main                    # the branch that is published
      folder: ""                      # the site's folder inside the repository ("" = its root)
      base_url: https://kim-oauth.example.workers.dev   # the OAuth proxy that logs volunteers in to GitHub
      auth_endpoint: auth             # its login path (Decap's default: auth)
      api_root: ""                    # a self-hosted GitLab/Gitea API
      app_id: ""                      # GitLab/Gitea OAuth application id (PKCE login)
      script: https://unpkg.com/decap-cms@3/dist/decap-cms.js
      local_backend: true             # or the decap-server URL for previews (http://localhost:8081/api/v1)
      editorial_workflow: true        # draft -> review -> publish
      enabled: true

The editor is Decap CMS, which reads this as its ``config.yml``: it keeps the editorial
workflow on every git backend and works with ``decap-server`` for local previews. Sveltia
CMS reads the same file (``script`` can name it) but ignores ``local_backend`` and has the
workflow only on GitHub and GitLab. There is no editor unless site.yaml has ``admin:``, so
a site that never asked for one publishes no login page; ``admin: true`` takes every default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import urlsplit

from kimpress.config.options import URL, Boolean, Choice, Invalid, Text, suggest
from kimpress.config.yamltext import YamlDoc
from kimpress.core.errors import Diagnostic, error, warning

BACKENDS = ("github", "gitlab", "gitea", "bitbucket", "azure", "git-gateway")
AUTH_TYPES = ("pkce", "implicit")
DEFAULT_SCRIPT = "https://unpkg.com/decap-cms@3/dist/decap-cms.js"  # the newest 3.x: the major version is pinned
_REPO = re.compile(r"[\w.-]+(/[\w.-]+)+")
_BRANCH = re.compile(r"[^\s~^:?*\[\\]+")


@dataclass(frozen=True)
class AdminSettings:
    """The web editor at /admin/: which repository it edits, how volunteers log in, which script runs it.

    ``local_backend`` is True (Decap looks for decap-server at its usual address,
    http://localhost:8081/api/v1, when the editor is opened from localhost), False, or the address of a
    decap-server. ``line`` is where site.yaml
    says ``admin:``, for messages.
    """

    enabled: bool = True
    backend: str = "github"
    repo: str = ""
    branch: str = "main"
    folder: str = ""
    base_url: str = ""
    auth_endpoint: str = ""
    api_root: str = ""
    app_id: str = ""
    auth_type: str = ""
    script: str = DEFAULT_SCRIPT
    local_backend: bool | str = True
    editorial_workflow: bool = True
    line: int | None = None


_KNOWN = tuple(item.name for item in fields(AdminSettings) if item.name != "line")


def read_admin(doc: YamlDoc, path: str, diagnostics: list[Diagnostic]) -> AdminSettings | None:
    """The ``admin:`` settings of site.yaml (None when it has none); every problem at the line of its key.

    ``admin: false`` (or ``enabled: false``) keeps the settings but writes no editor.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    if "admin" not in data:
        return None
    value = data["admin"]
    line = doc.line_of("admin", 1)
    if value is None or isinstance(value, bool):
        value = {"enabled": value is not False}
    elif not isinstance(value, dict):
        diagnostics.append(error("expected-mapping", path, line, key="admin"))
        return None
    settings: dict[str, Any] = {}
    refused: set[str] = set()
    for raw_key, item in value.items():
        key = str(raw_key)
        where = doc.line_of(f"admin.{key}", line)
        if key not in _KNOWN:
            diagnostics.append(error("unknown-admin-setting", path, where, setting=key, choices=", ".join(_KNOWN),
                                     suggestion=suggest(key, _KNOWN)))
            continue
        if item is None or item == "":
            continue  # left empty: the default
        try:
            settings[key] = _clean(key, item, doc.raw.get(f"admin.{key}"))
        except Invalid as problem:
            refused.add(key)
            diagnostics.append(error(problem.code, path, where, key=f"admin.{key}", **problem.params))
    admin = replace(AdminSettings(line=line), **settings)
    if admin.enabled and not admin.repo and "repo" not in refused and admin.backend != "git-gateway":
        diagnostics.append(warning("admin-repo-missing", path, line, backend=admin.backend))
    return admin


def _clean(key: str, value: Any, raw: str | None) -> Any:
    if key in ("enabled", "editorial_workflow"):
        return Boolean().clean(value)
    if key == "local_backend":
        return _local_backend(value)
    if isinstance(value, (dict, list)):
        raise Invalid("expected-text")
    text = (raw if raw is not None and not isinstance(value, str) else str(value)).strip()
    if key == "backend":
        return Choice(choices=BACKENDS).clean(text)
    if key == "auth_type":
        return Choice(choices=AUTH_TYPES).clean(text)
    if key == "repo":
        if not _REPO.fullmatch(text) or ".." in text:
            raise Invalid("admin-repo-invalid", value=text)
        return text
    if key == "branch":
        if not _BRANCH.fullmatch(text) or ".." in text or text.startswith(("-", "/")) or text.endswith("/"):
            raise Invalid("admin-branch-invalid", value=text)
        return text
    if key == "folder":
        return _folder(text)
    if key in ("base_url", "api_root"):
        return URL().clean(text).rstrip("/")
    if key == "script":
        return _script(text)
    return Text().clean(text)


def _folder(text: str) -> str:
    """The site's folder inside the repository: relative, without ``..``; "" or "." is its root."""
    if text in ("", "."):
        return ""
    parts = text.rstrip("/").split("/")
    if text.startswith("/") or "\\" in text or any(part in ("", ".", "..") for part in parts):
        raise Invalid("admin-folder-invalid", value=text)
    return "/".join(parts)


def _script(text: str) -> str:
    """The CMS script: a full http(s) address, or a path from the root of the site (``/decap/decap-cms.js``)."""
    if text.startswith("/") and not text.startswith("//") and ".." not in text.split("/"):
        return text
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc:
        return text
    raise Invalid("admin-script-invalid", value=text)


def _local_backend(value: Any) -> bool | str:
    """``true``/``false``, or a decap-server address; one without a path gets decap-server's ``/api/v1``."""
    if isinstance(value, bool) or (isinstance(value, str) and value.strip().lower() in ("ya", "tidak")):
        return Boolean().clean(value)
    text = str(value).strip() if not isinstance(value, (dict, list)) else ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise Invalid("admin-local-backend-invalid", value=text or str(value))
    return text if parts.path not in ("", "/") else text.rstrip("/") + "/api/v1"
