"""URL patterns through which moto routes requests to the WorkMail backend."""

from .responses import WorkMailResponse

url_bases = [r"https?://workmail\.(.+)\.amazonaws\.com"]

url_paths = {"{0}/$": WorkMailResponse.dispatch}
