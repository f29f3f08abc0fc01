"""The texts whose token ids and log-probs the tiny fixture records (our own code, written for this)."""

PYTHON = '''def moving_average(values, window):
    """Mean of each run of `window` consecutive values."""
    if window <= 0:
        raise ValueError("window must be positive")
    total = sum(values[:window])
    averages = [total / window]
    for i in range(window, len(values)):
        total += values[i] - values[i - window]
        averages.append(total / window)
    return averages
'''

TYPESCRIPT = '''export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
'''

# "e" + a combining acute accent: NFC turns it into one character before the split.
NON_ASCII = (
    "# Café, naïve façade \u2014 日本語のコメント, emoji \U0001F680, decomposed: cafe\u0301\n"
    'print("Grüße, Ωμέγα! ¿Qué tal?")\n'
)

SPECIAL_TOKEN_IN_CODE = 'END = "<|endoftext|>"  # a special token written in code\nparts = text.split(END)\n'

_LONG_SOURCE = '''class IniReader:
    """Reads sections of key = value lines; later keys win."""

    def __init__(self, text):
        self.sections = {}
        current = self.sections.setdefault("", {})
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = self.sections.setdefault(line[1:-1].strip(), {})
                continue
            if "=" not in line:
                raise ValueError(f"line {number}: expected key = value, got {raw!r}")
            key, _, value = line.partition("=")
            current[key.strip().lower()] = value.strip()

    def get(self, section, key, default=None):
        return self.sections.get(section, {}).get(key.lower(), default)

    def get_int(self, section, key, default=0):
        value = self.get(section, key)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"[{section}] {key}: not a number: {value!r}") from None

    def get_bool(self, section, key, default=False):
        value = self.get(section, key)
        if value is None:
            return default
        return value.lower() in ("1", "yes", "true", "on")

    def items(self, section):
        return sorted(self.sections.get(section, {}).items())
'''


def near_window_text(encode, window: int) -> str:
    """The longest run of whole lines of the long source that stays just under the model's window."""
    lines = _LONG_SOURCE.splitlines(keepends=True)
    text = ""
    for line in lines:
        if len(encode(text + line)) > window - 2:
            break
        text += line
    if len(encode(text)) < window - 40:
        raise RuntimeError("the long source is too short to come near the window")
    return text


def expected_texts(encode, window: int) -> list:
    return [
        ("python", PYTHON),
        ("typescript", TYPESCRIPT),
        ("non-ascii", NON_ASCII),
        ("special-token-in-code", SPECIAL_TOKEN_IN_CODE),
        ("near-window", near_window_text(encode, window)),
    ]
