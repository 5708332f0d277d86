#include "languageswitcher.h"

#include "uilogging.h"

#include <QCoreApplication>
#include <QLocale>

namespace Serambi::Ui {

LanguageSwitcher::LanguageSwitcher(QObject *parent) : QObject(parent) {}

void LanguageSwitcher::apply(const QString &language)
{
    const bool indonesian = language == QLatin1String("id");
    // Dates and numbers follow the language; set before the LanguageChange goes out.
    QLocale::setDefault(indonesian ? QLocale(QLocale::Indonesian, QLocale::Indonesia)
                                   : QLocale(QLocale::English, QLocale::UnitedStates));
    // Installing or removing a translator sends QEvent::LanguageChange to every widget.
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    // English is the sources' language; its catalogue holds only the plurals ("1 second",
    // "2 seconds").
    const QString catalogue = indonesian ? QStringLiteral(":/i18n/serambi_id.qm")
                                         : QStringLiteral(":/i18n/serambi_en.qm");
    m_current = indonesian ? QStringLiteral("id") : QStringLiteral("en");
    if (!m_translator.load(catalogue)) {
        // Without its plurals English still reads ("1 second(s)"); Indonesian would not.
        if (indonesian) {
            qCWarning(lcUi) << "the Indonesian catalogue is missing from the resources";
            m_current = QStringLiteral("en");
        }
        return;
    }
    m_installed = QCoreApplication::installTranslator(&m_translator);
}

} // namespace Serambi::Ui
