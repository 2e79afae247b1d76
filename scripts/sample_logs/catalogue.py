"""Served entities (with their endpoint metadata), models, requesters and reviewers."""

from __future__ import annotations

import random

CATALOGUE_ENTITIES = (
    "se-chat-001",
    "se-chat-002",
    "se-embed-001",
    "se-agent-001",
    "se-external-001",
)
UNKNOWN_ENTITY = "se-unknown-999"
ENTITY_WEIGHTS = (0.28, 0.15, 0.10, 0.30, 0.15, 0.02)
ENTITY_CUM = tuple(sum(ENTITY_WEIGHTS[: i + 1]) for i in range(len(ENTITY_WEIGHTS)))
ENTITY_METADATA = {
    "se-chat-001": ("chat-endpoint", "databricks-meta-llama-3-3-70b-instruct", "1"),
    "se-chat-002": ("chat-endpoint-canary", "databricks-claude-sonnet-4", "2"),
    "se-embed-001": ("embeddings", "databricks-gte-large-en", "1"),
    "se-agent-001": ("support-agent", "main.agents.support_agent", "7"),
    "se-external-001": ("openai-proxy", "gpt-4.1-mini", "2025-04-14"),
    UNKNOWN_ENTITY: ("legacy-endpoint", "main.models.legacy", "3"),
}
# The sample's drift: on its last day this entity (chat-endpoint-canary) answers twice as slowly.
SLOW_ENTITY = "se-chat-002"
MODELS = ("llama-3.3-70b", "claude-sonnet-4", "gpt-4.1-mini", "dbrx-instruct")
REQUESTERS = (
    "alice@example.com",
    "bob.smith@example.com",
    "carol.nguyen@example.org",
    "dev-bot@example.com",
    "5f2b7c1e-9a3d-4e8f-b6a1-0c2d3e4f5a6b",
    "a91c0d44-7e2f-4b1a-9c3d-1e2f3a4b5c6d",
)
REVIEWERS = ("reviewer.one@example.com", "jürgen@example.de", "mei.lin@example.com")


def pick_entity(rng: random.Random) -> str:
    r = rng.random()
    for entity, cum in zip((*CATALOGUE_ENTITIES, UNKNOWN_ENTITY), ENTITY_CUM, strict=True):
        if r < cum:
            return entity
    return UNKNOWN_ENTITY
