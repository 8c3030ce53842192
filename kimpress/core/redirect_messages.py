"""The words of diagnostics about redirects: old addresses that keep leading to moved articles."""

from __future__ import annotations

REDIRECT_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "alias-not-site": ("alamat lama \"{value}\" di `aliases` bukan alamat situs ini. Tulis alamatnya saja, "
                       "misalnya /satimpo/judul-lama/.",
                       "the old address \"{value}\" in `aliases` is not an address of this site. Write the path "
                       "alone, for example /satimpo/old-title/."),
    "alias-is-a-page": ("alamat lama \"{url}\" di `aliases` adalah alamat halaman {other}; pengalihan tidak pernah "
                        "menimpa halaman. Hapus alamat itu dari `aliases`.",
                        "the old address \"{url}\" in `aliases` is the address of the page {other}; a redirect "
                        "never replaces a page. Remove it from `aliases`."),
    "alias-claimed-twice": ("alamat lama \"{url}\" ditulis di `aliases` dua artikel: di sini dan di {other}. Satu alamat "
                    "hanya bisa dialihkan ke satu halaman.",
                    "the old address \"{url}\" is in the `aliases` of two articles: here and in {other}. One "
                    "address can lead to one page only."),
    "redirect-shadowed": ("alamat lama artikel ini, {url}, sekarang dipakai {other}, jadi tautan lama yang sudah "
                          "dibagikan membuka halaman itu. Jika itu salah, ganti slug salah satunya.",
                          "this article's old address {url} is now used by {other}, so links shared before open "
                          "that page. If that is wrong, change one of the slugs."),
    "link-to-moved": ("tautan \"{href}\" menuju berkas yang sudah dipindah ke {new}. Tautan ini tetap bekerja "
                      "selama riwayat git ada; perbarui menjadi alamat barunya.",
                      "the link \"{href}\" leads to a file that has moved to {new}. It keeps working while the git "
                      "history is there; update it to the new path."),
    "history-shallow": ("riwayat git repositori ini dangkal (shallow clone), jadi alamat lama artikel yang pindah "
                        "atau berganti slug tidak bisa dialihkan semua. Ambil riwayat lengkap: `git fetch "
                        "--unshallow`, atau `fetch-depth: 0` di GitHub Actions.",
                        "this repository's git history is shallow, so old addresses of moved or renamed articles "
                        "cannot all be redirected. Fetch the full history: `git fetch --unshallow`, or "
                        "`fetch-depth: 0` in GitHub Actions."),
}
