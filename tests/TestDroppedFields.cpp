#include "router/translate/DroppedFields.h"

#include <QJsonArray>
#include <QTest>

// What a translation leaves out: each field named once, listed sorted whatever the order the
// translation met them in.
class TestDroppedFields : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty()
    {
        const DroppedFields dropped;
        QVERIFY(dropped.list().isEmpty());
        QVERIFY(!dropped.contains(QStringLiteral("top_k")));
    }

    void eachFieldIsListedOnceAndSorted()
    {
        DroppedFields dropped;
        dropped.add(QStringLiteral("top_k"));
        dropped.add(QStringLiteral("metadata"));
        dropped.add(QStringLiteral("top_k"));
        dropped.add(QStringLiteral("cache_control"));
        dropped.add(QStringLiteral("metadata"));
        QCOMPARE(dropped.list(),
            (QStringList { QStringLiteral("cache_control"), QStringLiteral("metadata"),
                QStringLiteral("top_k") }));
        QVERIFY(dropped.contains(QStringLiteral("metadata")));
        QVERIFY(!dropped.contains(QStringLiteral("Metadata")));
    }

    void theOrderOfDropsDoesNotMatter()
    {
        const QStringList fields { QStringLiteral("tools.web_search"), QStringLiteral("seed"),
            QStringLiteral("logit_bias"), QStringLiteral("n"), QStringLiteral("cache_control") };
        DroppedFields forwards;
        DroppedFields backwards;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            forwards.add(fields.at(i));
            backwards.add(fields.at(fields.size() - 1 - i));
        }
        QCOMPARE(forwards.list(), backwards.list());
        QCOMPARE(forwards.list(),
            (QStringList { QStringLiteral("cache_control"), QStringLiteral("logit_bias"),
                QStringLiteral("n"), QStringLiteral("seed"), QStringLiteral("tools.web_search") }));
    }

    void onlyTheFieldsPresentAreRecorded()
    {
        const QJsonObject request { { QStringLiteral("model"), QStringLiteral("gpt-4.1") },
            { QStringLiteral("seed"), 7 }, { QStringLiteral("logit_bias"), QJsonValue() },
            { QStringLiteral("n"), 1 } };
        DroppedFields dropped;
        dropped.addPresent(request, { "seed", "logit_bias", "top_logprobs", "user" });
        // A field sent as null is still a field the client sent.
        QCOMPARE(
            dropped.list(), (QStringList { QStringLiteral("logit_bias"), QStringLiteral("seed") }));
        dropped.addPresent(request, { "seed", "n" });
        QCOMPARE(dropped.list(),
            (QStringList {
                QStringLiteral("logit_bias"), QStringLiteral("n"), QStringLiteral("seed") }));
        dropped.addPresent(QJsonObject {}, { "seed", "n", "user" });
        QCOMPARE(dropped.list().size(), 3);
    }

    void cacheControlIsRecordedOnceWhereverItSits()
    {
        const QJsonObject ephemeral { { QStringLiteral("type"), QStringLiteral("ephemeral") } };
        const QJsonObject plain { { QStringLiteral("type"), QStringLiteral("text") },
            { QStringLiteral("text"), QStringLiteral("Hi") } };
        DroppedFields dropped;
        dropped.addCacheControl(plain);
        QVERIFY(dropped.list().isEmpty());
        QJsonObject cached = plain;
        cached.insert(QStringLiteral("cache_control"), ephemeral);
        dropped.addCacheControl(cached);
        dropped.addCacheControl(cached);
        QJsonObject tool { { QStringLiteral("name"), QStringLiteral("lookup") },
            { QStringLiteral("cache_control"), ephemeral } };
        dropped.addCacheControl(tool);
        QCOMPARE(dropped.list(), QStringList { QStringLiteral("cache_control") });
    }

    void aServerToolIsWithdrawnByName()
    {
        DroppedFields dropped;
        const QJsonObject webSearch { { QStringLiteral("type"),
                                          QStringLiteral("web_search_20250305") },
            { QStringLiteral("name"), QStringLiteral("web_search") },
            { QStringLiteral("max_uses"), 5 } };
        const QJsonObject editor { { QStringLiteral("type"),
                                       QStringLiteral("text_editor_20250124") },
            { QStringLiteral("name"), QStringLiteral("str_replace_editor") } };
        QVERIFY(dropped.withdrawServerTool(webSearch));
        QVERIFY(dropped.withdrawServerTool(editor));
        QVERIFY(dropped.withdrawServerTool(webSearch));
        QCOMPARE(dropped.list(),
            (QStringList {
                QStringLiteral("tools.str_replace_editor"), QStringLiteral("tools.web_search") }));
    }

    void aCustomToolStays()
    {
        DroppedFields dropped;
        const QJsonObject schema { { QStringLiteral("type"), QStringLiteral("object") } };
        // Anthropic's custom tools: without a type, or with the type "custom".
        const QJsonObject untyped { { QStringLiteral("name"), QStringLiteral("get_weather") },
            { QStringLiteral("input_schema"), schema } };
        QJsonObject typed = untyped;
        typed.insert(QStringLiteral("type"), QStringLiteral("custom"));
        QVERIFY(!dropped.withdrawServerTool(untyped));
        QVERIFY(!dropped.withdrawServerTool(typed));
        QVERIFY(dropped.list().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDroppedFields)
#include "TestDroppedFields.moc"
