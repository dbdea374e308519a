"""argparse in Chinese: the command line's help, usage and error texts that argparse itself writes.

argparse looks each of its texts up through ``gettext`` (its module-level ``_`` and ``ngettext``)
at the moment it uses it. ``ChineseArgumentParser`` puts a Chinese catalogue in their place for
the duration of each of its own calls (building, parsing, formatting, errors) and restores them
after, so that nothing else in the process is affected. A text not in the catalogue (a newer
Python's) stays as argparse wrote it.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager

TEXTS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r?": "无效的选择：%(value)r，是否想输入 %(closest)r？",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "one of the arguments %s is required": "须给出以下参数之一：%s",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "can't open '%(filename)s': %(error)s": "无法打开「%(filename)s」：%(error)s",
}
PLURAL_TEXTS = {
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


def chinese(text: str) -> str:
    return TEXTS.get(text, text)


def chinese_plural(singular: str, plural: str, n: int) -> str:
    english = singular if n == 1 else plural
    return PLURAL_TEXTS.get(english, english)


@contextmanager
def _in_chinese():
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = chinese, chinese_plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own texts are Chinese; its sub-commands' parsers are of this class too."""

    def __init__(self, *args, **kwargs) -> None:
        with _in_chinese():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        with _in_chinese():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        with _in_chinese():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with _in_chinese():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _in_chinese():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_chinese():
            text = super().format_help()
        for group in self._action_groups:  # argparse ends each heading with an English colon
            if group.title:
                text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def error(self, message: str):
        with _in_chinese():
            super().error(message)
