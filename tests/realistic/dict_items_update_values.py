"""Updating the values of a shared dict's existing keys from a `parallel for` over
`list(d.items())` (no key added: race-free), and a nested dict of lists appended to
by key."""

prices = {f"item{i}": 10.0 + i for i in range(30)}
history = {k: [] for k in prices}
items = list(prices.items())

# omp parallel for
for n in range(len(items)):
    name, price = items[n]
    new = round(price * (1.1 if n % 2 else 0.95), 4)
    prices[name] = new
    history[name].append(price)
    history[name].append(new)

print(list(prices.items())[:3], history["item7"], round(sum(prices.values()), 4))
