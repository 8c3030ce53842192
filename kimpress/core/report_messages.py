"""The words of diagnostics about the activity report (site.yaml ``report:``, ``kimpress report``)."""

from __future__ import annotations

REPORT_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "unknown-report-setting": ("kolom `report.{setting}` tidak dikenal. Pilihan: {choices}.",
                               "`report.{setting}` is not a known setting. Choices: {choices}."),
    "report-period-reversed": ("periode laporan terbalik: --from {first} jatuh setelah --to {last}. Tukar "
                               "keduanya, misalnya --from {last} --to {first}.",
                               "the report's period is reversed: --from {first} comes after --to {last}. Swap "
                               "them, for example --from {last} --to {first}."),
    "report-output-not-folder": ("{path} bukan folder, jadi berkas laporan tidak dapat ditulis di sana. Pilih "
                                 "folder lain dengan --output.",
                                 "{path} is not a folder, so the report's files cannot be written there. Choose "
                                 "another folder with --output."),
    # editions
    "unknown-editions-setting": ("kolom `editions.{setting}` tidak dikenal. Pilihan: {choices}.",
                                 "`editions.{setting}` is not a known setting. Choices: {choices}."),
    "edition-empty": ("{area} tidak punya artikel terbit pada {month}, jadi tidak ada edisinya. Bulan yang ada "
                      "edisinya: {months}.",
                      "{area} has no published article in {month}, so there is no edition. Months with an "
                      "edition: {months}."),
    "unknown-kecamatan": ("kecamatan \"{value}\" tidak dikenal. Pilihan: {choices}.",
                          "unknown kecamatan \"{value}\". Choices: {choices}."),
}
