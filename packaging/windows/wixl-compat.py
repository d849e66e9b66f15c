"""What wixl (msitools 0.101) cannot express in zayava.wxs, done by hand, and checked.

  wixl-compat.py strip WXS OUT   a copy of WXS without the elements wixl refuses (Environment)
  wixl-compat.py finish WXS MSI  writes into the MSI wixl built:
    - the Russian strings: wixl writes table strings in a code page without Cyrillic, so the
      product name, the shortcut and the messages would come out empty. The database is
      switched to code page 1251 first (build-msi.sh), then each string is written again;
    - the Environment table (the CLI's folder on the system PATH) and the two standard
      actions that apply it, at the sequence numbers the WiX toolset uses;
  then reads every value back and fails if one is missing or different.

Every attribute of the source with a non-ASCII character must have a place below: a new one
without a place stops the build rather than ship an empty string.
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "http://schemas.microsoft.com/wix/2006/wi"
UNSUPPORTED = {"Environment"}
ET.register_namespace("", NS)


def tag(el):
    return el.tag.replace("{" + NS + "}", "")


def strip(wxs, out):
    tree = ET.parse(wxs)
    for parent in tree.getroot().iter():
        for child in list(parent):
            if tag(child) in UNSUPPORTED:
                parent.remove(child)
    tree.write(out, encoding="utf-8", xml_declaration=True)


def quoted(s):
    return "'" + s.replace("'", "''") + "'"


def sql(msi, query):
    subprocess.run(["msibuild", msi, "-q", query], check=True)


def rows(msi, table):
    lines = subprocess.run(["msiinfo", "export", msi, table], check=True, capture_output=True, text=True).stdout.splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[3:]]


def environment_row(el):
    """The Environment table's Name and Value for a WiX <Environment> (the subset used here)."""
    if el.get("Action") != "set" or el.get("Part") not in ("first", "last"):
        sys.exit(f"wixl-compat.py: Environment {el.get('Id')}: only Action=set with Part=first|last is handled")
    name = "=" + ("" if el.get("Permanent") == "yes" else "-") + ("*" if el.get("System") == "yes" else "") + el.get("Name")
    value = "[~];" + el.get("Value") if el.get("Part") == "last" else el.get("Value") + ";[~]"
    return name, value


def finish(wxs, msi):
    root = ET.parse(wxs).getroot()
    # (table, column, key column, key value, text) for each Russian string.
    strings = []
    environment = []
    for el in root.iter():
        t = tag(el)
        if t == "Environment":
            component = next(p for p in root.iter() if el in list(p))
            environment.append((el.get("Id"), *environment_row(el), component.get("Id")))
        for attr, value in el.attrib.items():
            if value.isascii():
                continue
            if t == "Product" and attr == "Name":
                strings.append(("Property", "Value", "Property", "ProductName", value))
            elif t == "Shortcut" and attr == "Name":
                strings.append(("Shortcut", "Name", "Shortcut", el.get("Id"), "zayava|" + value))
            elif t == "Shortcut" and attr == "Description":
                strings.append(("Shortcut", "Description", "Shortcut", el.get("Id"), value))
            elif t == "Feature" and attr == "Title":
                strings.append(("Feature", "Title", "Feature", el.get("Id"), value))
            elif t == "Condition" and attr == "Message":
                strings.append(("LaunchCondition", "Description", "Condition", el.text.strip(), value))
            elif t == "MajorUpgrade" and attr == "DowngradeErrorMessage":
                strings.append(("LaunchCondition", "Description", "Condition", "NOT WIX_DOWNGRADE_DETECTED", value))
            elif t == "Package" and attr in ("Description", "Comments"):
                continue  # summary information: wixl writes it in the code page given
            else:
                sys.exit(f"wixl-compat.py: {t}/@{attr} holds Russian text but has no place in the MSI here")

    for table, column, key, keyvalue, text in strings:
        sql(msi, f"UPDATE `{table}` SET `{column}` = {quoted(text)} WHERE `{key}` = {quoted(keyvalue)}")
    if environment:
        sql(msi, "CREATE TABLE `Environment` (`Environment` CHAR(72) NOT NULL, `Name` CHAR(255) NOT NULL LOCALIZABLE, "
                 "`Value` CHAR(255) LOCALIZABLE, `Component_` CHAR(72) NOT NULL PRIMARY KEY `Environment`)")
        for row in environment:
            sql(msi, "INSERT INTO `Environment` (`Environment`, `Name`, `Value`, `Component_`) VALUES (" + ", ".join(map(quoted, row)) + ")")
        for action, sequence in (("RemoveEnvironmentStrings", 3300), ("WriteEnvironmentStrings", 5200)):
            sql(msi, f"INSERT INTO `InstallExecuteSequence` (`Action`, `Sequence`) VALUES ('{action}', {sequence})")

    # Read back: each value is there, whole.
    for table, column, key, keyvalue, text in strings:
        found = [r for r in rows(msi, table) if r[key] == keyvalue]
        if not found or found[0][column] != text:
            sys.exit(f"wixl-compat.py: {table}.{column} of {keyvalue!r} reads {found!r}, not {text!r}")
    if environment:
        got = {(r["Environment"], r["Name"], r["Value"], r["Component_"]) for r in rows(msi, "Environment")}
        if got != set(environment):
            sys.exit(f"wixl-compat.py: the Environment table reads {got!r}, not {environment!r}")
        actions = {r["Action"] for r in rows(msi, "InstallExecuteSequence")}
        if not {"RemoveEnvironmentStrings", "WriteEnvironmentStrings"} <= actions:
            sys.exit("wixl-compat.py: the environment actions are not in InstallExecuteSequence")


if __name__ == "__main__":
    {"strip": strip, "finish": finish}[sys.argv[1]](*sys.argv[2:])
