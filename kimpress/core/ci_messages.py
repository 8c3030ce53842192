"""The words of diagnostics about publishing: the workflow ``kimpress init --ci`` writes."""

from __future__ import annotations

CI_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "init-workflow-exists": ("berkas alur kerja ini sudah ada; tidak ada yang ditimpa. Bila Anda ingin kimpress "
                             "menulisnya ulang, hapus atau ganti nama berkas ini, lalu jalankan perintah ini lagi.",
                             "this workflow file already exists; nothing was overwritten. To have kimpress write it "
                             "again, delete or rename it, then run this command again."),
}
