#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a seed file (docs/seed-format.md) with a catalogue of COUNT campaigns
for the Explore benchmarks: creators, categories, live and ended campaigns in
three currencies, each with two rewards.  The same COUNT gives the same file."""

import json
import random
import sys

CATEGORIES = ["technology", "design", "games", "music", "film", "publishing", "food", "fashion"]
ADJECTIVES = ["Quiet", "Folding", "Solar", "Tiny", "Modular", "Open", "Wooden", "Pocket", "Hand-made", "Silent"]
NOUNS = ["lamp", "keyboard", "board game", "camera", "notebook", "speaker", "backpack", "bicycle", "watch", "garden"]
CURRENCIES = [("EUR", 100), ("USD", 100), ("JPY", 1)]


def campaign(number, rng):
    currency, unit = CURRENCIES[number % len(CURRENCIES)]
    goal = rng.randrange(20, 500) * 100 * unit
    pledged = int(goal * rng.random() * 2.2)
    live = number % 10 != 0
    title = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {number}"
    return {
        "slug": f"campaign-{number}",
        "title": title,
        "blurb": f"{title}: made to last, made in small batches, shipped worldwide.",
        "description": "A longer story of the project, its team and its plan.",
        "image_url": f"/images/campaign-{number}.png",
        "owner": f"creator{number % 200}",
        "category": CATEGORIES[number % len(CATEGORIES)],
        "location": {"country": "FR", "city": "Lyon"},
        "state": "live" if live else "successful",
        "goal": {"amount": goal, "currency": currency},
        "pledged": {"amount": pledged, "currency": currency},
        "backers_count": pledged // (40 * unit) if pledged else 0,
        "launched_at": f"now-{rng.randrange(1, 30)}d",
        "deadline": f"now+{rng.randrange(1, 40)}d" if live else f"now-{rng.randrange(1, 300)}d",
        "rewards": [
            {"title": "Thank you", "description": "Our thanks and every update.",
             "minimum": {"amount": 5 * unit, "currency": currency},
             "shipping": {"type": "none"}},
            {"title": "Early bird", "description": "One of the first made.",
             "minimum": {"amount": 60 * unit, "currency": currency},
             "limit": 100, "backers_count": rng.randrange(0, 100), "estimated_delivery": "2027-06",
             "shipping": {"type": "anywhere", "rates": [
                 {"countries": ["*"], "cost": {"amount": 10 * unit, "currency": currency}}]}},
        ],
    }


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate-catalogue.py COUNT FILE.json")
    count, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(count)
    seed = {
        "users": [{"username": f"creator{i}", "name": f"Creator {i}"} for i in range(200)],
        "categories": [{"slug": slug, "name": slug.capitalize()} for slug in CATEGORIES],
        "exchange_rates": {"EUR": 0.92, "JPY": 150.0},
        "campaigns": [campaign(number, rng) for number in range(1, count + 1)],
    }
    with open(path, "w", encoding="utf-8") as output:
        json.dump(seed, output)


if __name__ == "__main__":
    main()
