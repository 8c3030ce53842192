"""The words of diagnostics about what readers get: settings for photos and budget, photos, cek-fakta, search."""

from __future__ import annotations

READER_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "unknown-images-setting": ("kolom `images.{setting}` tidak dikenal. Pilihan: {choices}.",
                               "`images.{setting}` is not a known setting. Choices: {choices}."),
    "unknown-budget-setting": ("kolom `budget.{setting}` tidak dikenal. Pilihan: {choices}.",
                               "`budget.{setting}` is not a known setting. Choices: {choices}."),
    "unknown-contact-setting": ("kolom `contact.{setting}` tidak dikenal. Pilihan: {choices}.",
                                "`contact.{setting}` is not a known kind of contact. Choices: {choices}."),
}
