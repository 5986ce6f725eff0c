"""`parallel sections` where each section calls a helper that fills its own module
global (a dict, a list, a set) and one section rebinds a global scalar."""

index = {}
ordered_words = []
vowels = set()
longest = ""
TEXT = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "the",
    "lazy",
    "dog",
    "and",
    "the",
    "cat",
    "naps",
]


def build_index():
    for pos, w in enumerate(TEXT):
        index.setdefault(w, []).append(pos)


def sort_words():
    ordered_words.extend(sorted(TEXT, key=lambda w: (len(w), w)))


def collect_vowels():
    for w in TEXT:
        vowels.update(c for c in w if c in "aeiou")


def find_longest():
    global longest
    longest = max(TEXT, key=len)


# omp parallel sections
# omp section
build_index()
# omp section
sort_words()
# omp section
collect_vowels()
# omp section
find_longest()
# omp end parallel sections

print(index, ordered_words[:5], sorted(vowels), longest)
