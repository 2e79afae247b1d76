"""The token counts the sample bodies report in their `usage` (about four characters a token)."""


def token_count(text: str) -> int:
    return max(1, len(text) // 4)
