"""Two modules of a package that import each other's globals (`s8pkg.config` and
`s8pkg.workers`): the region in one calls the other's function, which stores into its
module's dict and list under critical; the settings changed between two runs."""

from s8pkg import config, workers

print(workers.run(30))
config.SETTINGS["scale"] = 5
print(workers.run(10))
print(sorted(config.RESULTS.items())[:5], len(config.RESULTS), sorted(config.SEEN) == sorted(config.SEEN))
print(sorted(config.SEEN)[:12], len(config.SEEN))
