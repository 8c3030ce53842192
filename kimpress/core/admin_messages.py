"""The words of diagnostics about the web editor at /admin/ (site.yaml ``admin:``)."""

from __future__ import annotations

ADMIN_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "unknown-admin-setting": ("kolom `admin.{setting}` tidak dikenal. Pilihan: {choices}.",
                              "`admin.{setting}` is not a known setting. Choices: {choices}."),
    "admin-repo-missing": ("penyunting web di /admin/ belum tahu repositori situs ini. Tulis `repo: pemilik/nama` "
                           "di bawah `admin:` (misalnya `repo: kim-bontang/kabar`) agar relawan dapat masuk dengan "
                           "akun {backend} mereka.",
                           "the web editor at /admin/ does not know this site's repository yet. Write "
                           "`repo: owner/name` under `admin:` (for example `repo: kim-bontang/kabar`) so volunteers "
                           "can log in with their {backend} account."),
    "admin-repo-invalid": ("kolom `{key}` harus berbentuk pemilik/nama repositori, misalnya kim-bontang/kabar, "
                           "bukan \"{value}\".",
                           "`{key}` must be the repository as owner/name, for example kim-bontang/kabar, "
                           "not \"{value}\"."),
    "admin-branch-invalid": ("kolom `{key}`: \"{value}\" bukan nama cabang git. Contoh: main.",
                             "`{key}`: \"{value}\" is not a git branch name. Example: main."),
    "admin-folder-invalid": ("kolom `{key}` harus folder situs di dalam repositori, misalnya `situs`, tanpa / di "
                             "depan dan tanpa .., bukan \"{value}\". Kosongkan bila site.yaml ada di akar "
                             "repositori.",
                             "`{key}` must be the site's folder inside the repository, such as `site`, with no "
                             "leading / and no .., not \"{value}\". Leave it out when site.yaml is at the root of "
                             "the repository."),
    "admin-script-invalid": ("kolom `{key}` harus alamat lengkap skrip penyunting (https://…) atau jalur dari akar "
                             "situs seperti /decap/decap-cms.js, bukan \"{value}\".",
                             "`{key}` must be the full address of the editor's script (https://…) or a path from "
                             "the root of the site such as /decap/decap-cms.js, not \"{value}\"."),
    "admin-local-backend-invalid": ("kolom `{key}` harus `true`, `false`, atau alamat decap-server seperti "
                                    "http://localhost:8081/api/v1, bukan \"{value}\".",
                                    "`{key}` must be `true`, `false` or the address of a decap-server such as "
                                    "http://localhost:8081/api/v1, not \"{value}\"."),
}
