#include "orderedjson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace Serambi::Sim {

OrderedJson::OrderedJson() = default;

OrderedJson::OrderedJson(bool value) : m_kind(Kind::Bool), m_bool(value) {}

OrderedJson::OrderedJson(int value) : m_kind(Kind::Number), m_number(value) {}

OrderedJson::OrderedJson(qint64 value) : m_kind(Kind::Number), m_number(double(value)) {}

OrderedJson::OrderedJson(double value) : m_kind(Kind::Number), m_number(value) {}

OrderedJson::OrderedJson(const QString &value) : m_kind(Kind::String), m_string(value) {}

OrderedJson::OrderedJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        m_kind = Kind::Bool;
        m_bool = value.toBool();
        break;
    case QJsonValue::Double:
        m_kind = Kind::Number;
        m_number = value.toDouble();
        break;
    case QJsonValue::String:
        m_kind = Kind::String;
        m_string = value.toString();
        break;
    case QJsonValue::Array: {
        m_kind = Kind::Array;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            m_items.emplace_back(item);
        break;
    }
    case QJsonValue::Object: {
        m_kind = Kind::Object;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            m_members.emplace_back(it.key(), OrderedJson(it.value()));
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
}

OrderedJson OrderedJson::object(std::initializer_list<Member> members)
{
    OrderedJson result;
    result.m_kind = Kind::Object;
    result.m_members.assign(members.begin(), members.end());
    return result;
}

OrderedJson OrderedJson::array(std::initializer_list<OrderedJson> items)
{
    OrderedJson result;
    result.m_kind = Kind::Array;
    result.m_items.assign(items.begin(), items.end());
    return result;
}

void OrderedJson::insert(const QString &key, const OrderedJson &value)
{
    m_kind = Kind::Object;
    for (Member &member : m_members) {
        if (member.first == key) {
            member.second = value;
            return;
        }
    }
    m_members.emplace_back(key, value);
}

void OrderedJson::append(const OrderedJson &value)
{
    m_kind = Kind::Array;
    m_items.push_back(value);
}

QByteArray OrderedJson::toMetaJson() const
{
    QByteArray out;
    write(out);
    return out;
}

QJsonValue OrderedJson::toJsonValue() const
{
    switch (m_kind) {
    case Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Kind::Bool:
        return m_bool;
    case Kind::Number:
        return m_number;
    case Kind::String:
        return m_string;
    case Kind::Array: {
        QJsonArray array;
        for (const OrderedJson &item : m_items)
            array.append(item.toJsonValue());
        return array;
    }
    case Kind::Object: {
        QJsonObject object;
        for (const Member &member : m_members)
            object.insert(member.first, member.second.toJsonValue());
        return object;
    }
    }
    return {};
}

void OrderedJson::write(QByteArray &out) const
{
    switch (m_kind) {
    case Kind::Null:
        out += "null";
        return;
    case Kind::Bool:
        out += m_bool ? "true" : "false";
        return;
    case Kind::Number:
        if (std::isfinite(m_number) && m_number == std::trunc(m_number) &&
            std::abs(m_number) < 9007199254740992.0)
            out += QByteArray::number(qint64(m_number));
        else
            out += QByteArray::number(m_number, 'g', QLocale::FloatingPointShortest);
        return;
    case Kind::String:
        appendMetaJsonString(out, m_string);
        return;
    case Kind::Array: {
        out += '[';
        bool first = true;
        for (const OrderedJson &item : m_items) {
            if (!first)
                out += ',';
            first = false;
            item.write(out);
        }
        out += ']';
        return;
    }
    case Kind::Object: {
        out += '{';
        bool first = true;
        for (const Member &member : m_members) {
            if (!first)
                out += ',';
            first = false;
            appendMetaJsonString(out, member.first);
            out += ':';
            member.second.write(out);
        }
        out += '}';
        return;
    }
    }
}

void appendMetaJsonString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            continue;
        case u'\\':
            out += "\\\\";
            continue;
        case u'/':
            out += "\\/";
            continue;
        case u'\b':
            out += "\\b";
            continue;
        case u'\f':
            out += "\\f";
            continue;
        case u'\n':
            out += "\\n";
            continue;
        case u'\r':
            out += "\\r";
            continue;
        case u'\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        if (u >= 0x20 && u < 0x7f) {
            out += char(u);
        } else {
            // Surrogate halves of an emoji come through one at a time, which is the pair Meta
            // sends.
            out += "\\u";
            out += hex[(u >> 12) & 0xf];
            out += hex[(u >> 8) & 0xf];
            out += hex[(u >> 4) & 0xf];
            out += hex[u & 0xf];
        }
    }
    out += '"';
}

} // namespace Serambi::Sim
