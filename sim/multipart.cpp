#include "multipart.h"

namespace Serambi::Sim {

namespace {

QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    const QList<QByteArray> fields = header.split(';');
    for (const QByteArray &field : fields) {
        const QByteArray trimmed = field.trimmed();
        if (!trimmed.toLower().startsWith(QByteArray(name + '=')))
            continue;
        QByteArray value = trimmed.mid(name.size() + 1);
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

} // namespace

std::optional<QList<MultipartPart>> parseMultipart(const QByteArray &contentType,
                                                   const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return std::nullopt;
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = QByteArray("--" + boundary);
    QList<MultipartPart> parts;
    qsizetype position = body.indexOf(delimiter);
    if (position < 0)
        return std::nullopt;
    while (true) {
        position += delimiter.size();
        if (body.mid(position, 2) == "--")
            return parts;
        if (body.mid(position, 2) != "\r\n")
            return std::nullopt;
        position += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", position);
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), position);
        if (headerEnd < 0 || next < 0 || headerEnd > next)
            return std::nullopt;
        MultipartPart part;
        const QList<QByteArray> headers = body.mid(position, headerEnd - position).split('\n');
        for (const QByteArray &line : headers) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray key = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (key == "content-disposition") {
                part.name = parameter(value, "name");
                part.filename = parameter(value, "filename");
            } else if (key == "content-type") {
                part.contentType = value;
            }
        }
        part.data = body.mid(headerEnd + 4, next - headerEnd - 4);
        parts.append(part);
        position = next + 2;
    }
}

} // namespace Serambi::Sim
