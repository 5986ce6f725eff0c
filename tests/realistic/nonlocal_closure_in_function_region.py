"""A region inside a function whose body calls a nested function that rebinds the enclosing function's local with `nonlocal` (under critical), then the function returns it."""


def longest_word(words):
    best = ""

    def consider(w):
        nonlocal best
        if len(w) > len(best) or (len(w) == len(best) and w < best):
            best = w

    # omp parallel for
    for i in range(len(words)):
        w = words[i].strip(".,").lower()
        # omp critical
        consider(w)
        # omp end critical
    return best


text = ["It", "was", "the", "best", "of", "times,", "it", "was", "the", "worst", "of", "times,", "an", "incomprehensibly", "long", "age."]
print(longest_word(text * 3))
