"""Scores computed in a loop, the shared list sorted in place (`list.sort` with a key)
in single, then ranks assigned from the sorted order by a second loop."""

players = [{"name": f"p{i:02d}", "games": [(i * j * 13) % 10 for j in range(1, 8)]} for i in range(50)]
board = []
rank = {}
# omp parallel
if True:
    # omp for
    for i in range(len(players)):
        p = players[i]
        p["score"] = sum(p["games"]) / len(p["games"])
        # omp critical
        board.append(p)
    # omp single
    board.sort(key=lambda p: (-p["score"], p["name"]))
    # omp for
    for k in range(len(board)):
        name = board[k]["name"]
        # omp critical
        rank[name] = k + 1
print([(p["name"], round(p["score"], 3)) for p in board[:4]], rank["p07"], len(rank))
