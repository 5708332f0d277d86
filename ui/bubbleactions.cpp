#include "bubbleactions.h"

#include "app/mediacache.h"
#include "app/messagelistmodel.h"
#include "audioplayback.h"
#include "mediaviewer.h"
#include "uilogging.h"

#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QModelIndex>
#include <QUrl>
#include <QUrlQuery>
#include <QWidget>

namespace Serambi::Ui {

namespace {
using Model = App::MessageListModel;
using Bubbles::Action;

QString suggestedName(const QModelIndex &index)
{
    const QString filename = index.data(Model::MediaFileNameRole).toString();
    if (!filename.isEmpty())
        return filename;
    const QString type = index.data(Model::TypeRole).toString();
    const QString suffix = QMimeDatabase()
                               .mimeTypeForName(index.data(Model::MediaMimeTypeRole).toString())
                               .preferredSuffix();
    const QString base =
        QStringLiteral("%1-%2").arg(type, index.data(Model::MediaKeyRole).toString().left(8));
    return suffix.isEmpty() ? base : base + QLatin1Char('.') + suffix;
}
} // namespace

BubbleActions::BubbleActions(App::MediaCache *cache, AudioPlayback *audio, QWidget *window)
    : QObject(window), m_cache(cache), m_audio(audio), m_window(window)
{
    connect(m_cache, &App::MediaCache::fetched, this, [this](const QString &key) {
        const auto waiting = m_waiting.take(key);
        const QString path = m_cache->filePath(key);
        for (const auto &then : waiting)
            then(path);
    });
    connect(m_cache, &App::MediaCache::fetchFailed, this,
            [this](const QString &key) { m_waiting.remove(key); });
    connect(m_audio, &AudioPlayback::failed, this,
            [this](const QString &, const QString &path) { openExternally(path); });
}

QUrl BubbleActions::mapUrl(double latitude, double longitude)
{
    const QString lat = QString::number(latitude, 'f', 6);
    const QString lon = QString::number(longitude, 'f', 6);
    QUrl url(QStringLiteral("https://www.openstreetmap.org/"));
    url.setQuery(QStringLiteral("mlat=%1&mlon=%2").arg(lat, lon));
    url.setFragment(QStringLiteral("map=17/%1/%2").arg(lat, lon));
    return url;
}

QUrl BubbleActions::geoUri(double latitude, double longitude, const QString &name)
{
    const QString point = QStringLiteral("%1,%2").arg(QString::number(latitude, 'f', 6),
                                                      QString::number(longitude, 'f', 6));
    QUrl url(QStringLiteral("geo:") + point);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"),
                       name.isEmpty() ? point : QStringLiteral("%1(%2)").arg(point, name));
    url.setQuery(query);
    return url;
}

void BubbleActions::trigger(const QModelIndex &index, Action action)
{
    const QString key = index.data(Model::MediaKeyRole).toString();
    const QString type = index.data(Model::TypeRole).toString();
    switch (action) {
    case Action::None:
        return;
    case Action::OpenMedia:
        if (type == QLatin1String("image") || type == QLatin1String("sticker")) {
            const QString caption = index.data(Model::TextRole).toString();
            const QString name = suggestedName(index);
            withFile(key, [this, caption, name](const QString &path) {
                auto *viewer = new MediaViewer(path, caption, name, m_window);
                viewer->open();
            });
        } else {
            withFile(key, [this](const QString &path) { openExternally(path); });
        }
        return;
    case Action::SaveMedia: {
        const QString name = suggestedName(index);
        withFile(key, [this, name](const QString &path) { save(path, name); });
        return;
    }
    case Action::PlayAudio:
        withFile(key, [this, key](const QString &path) { m_audio->toggle(key, path); });
        return;
    case Action::RetryMedia:
        Q_EMIT retryMediaRequested(index.data(Model::IdRole).toLongLong());
        return;
    case Action::FetchAgain:
        m_cache->fetch(key);
        return;
    case Action::OpenMap:
        openMap(index.data(Model::ContentRole)
                    .toJsonObject()
                    .value(QLatin1String("location"))
                    .toObject());
        return;
    case Action::ShowQuoted:
        Q_EMIT quotedMessageRequested(index.data(Model::ReplyToRole).toString());
        return;
    }
}

void BubbleActions::withFile(const QString &key, std::function<void(const QString &)> then)
{
    const QString path = m_cache->filePath(key);
    if (!path.isEmpty()) {
        then(path);
        return;
    }
    m_waiting[key].append(std::move(then));
    m_cache->fetch(key);
}

void BubbleActions::openMap(const QJsonObject &location)
{
    const auto coordinate = [&location](QLatin1String name) {
        const QJsonValue value = location.value(name);
        return value.isString() ? value.toString().toDouble() : value.toDouble();
    };
    const double latitude = coordinate(QLatin1String("latitude"));
    const double longitude = coordinate(QLatin1String("longitude"));
    if (QDesktopServices::openUrl(
            geoUri(latitude, longitude, location.value(QLatin1String("name")).toString())))
        return;
    qCInfo(lcUi) << "no application for geo: URIs; opening OpenStreetMap";
    QDesktopServices::openUrl(mapUrl(latitude, longitude));
}

void BubbleActions::save(const QString &path, const QString &suggestedName)
{
    const QString target = QFileDialog::getSaveFileName(m_window, tr("Save file"), suggestedName);
    if (target.isEmpty())
        return;
    QFile::remove(target);
    if (!QFile::copy(path, target))
        QMessageBox::warning(m_window, tr("Save file"), tr("The file could not be saved there."));
}

void BubbleActions::openExternally(const QString &path)
{
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        QMessageBox::information(m_window, tr("Open file"),
                                 tr("No application on this computer opens this kind of file. "
                                    "Use Save to keep a copy."));
}

} // namespace Serambi::Ui
