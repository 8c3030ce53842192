"""Plan the site's photos: the copied files that are photos become their light variants.

Every file that would be copied as is (from ``static/``, the theme, or an article's
folder) and is a photo goes through ``kimpress.media.catalog``; the rest stay copies.
The site model gains ``images`` (URL -> ``ResponsiveImage``) for the theme and bodies.
"""

from __future__ import annotations

import dataclasses

from kimpress.core.errors import Diagnostic
from kimpress.media.catalog import Photo, Probe, is_photo, plan_photos
from kimpress.model.types import Site
from kimpress.plan.output import Copy, Output, copy_output, file_output

KIB = 1024


def plan_photo_outputs(site: Site, copies: list[Output], probe: Probe) -> tuple[Site, list[Output], list[Diagnostic]]:
    """The site with its ``images``, the outputs replacing ``copies``, and what could not be read."""
    photos = [Photo(output.url, output.payload.source, output.origin) for output in copies
              if isinstance(output.payload, Copy) and is_photo(output.url)]
    if not photos:
        return site, copies, []
    config = site.config
    planned = plan_photos(photos, probe, config.images, config.budget.image_kb * KIB)
    photo_urls = {photo.url for photo in photos}
    outputs = [output for output in copies if output.url not in photo_urls]
    outputs += [copy_output(photo.url, photo.source, photo.origin) for photo in planned.copied]
    outputs += [file_output(item.url, "image", item.payload, item.origin) for item in planned.files]
    return dataclasses.replace(site, images=planned.images), outputs, planned.diagnostics
