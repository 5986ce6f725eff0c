"""A base class whose method fills a dict; subclasses live in the program."""


class Collector:
    def __init__(self):
        self.found = {}

    def normalise(self, item):
        return item

    def collect(self, item):
        self.found[self.normalise(item)] = True
