"""Plugins register their names in a class-level dict through `type(self).registry`
in a base-class method; the subclass objects are shared and called under critical."""
import time


class Plugin:
    registry = {}

    def register(self, name):
        type(self).registry.setdefault(name, None)


class Audio(Plugin):
    pass


p = Audio()
chunks = [["mp3", "ogg", "wav"], ["wav", "mp3", "flac"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for name in chunks[c]:
        # omp critical
        p.register(name)
print(list(Plugin.registry), list(Audio.registry))
