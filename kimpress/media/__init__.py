"""Photos made light: probing, responsive variants, EXIF stripping, share cards (Pillow)."""
