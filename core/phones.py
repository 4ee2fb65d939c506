"""Phone numbers as links phones can dial."""


def tel_href(phone: str) -> str:
    """The number as a tel: link (digits and a leading + only); "" without digits."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
