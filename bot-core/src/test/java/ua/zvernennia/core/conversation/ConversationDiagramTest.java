package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.conversation.StepRow.Edge;

/**
 * docs/conversation.md is the drawing of the table of steps as it is now. With
 * {@code -Dzv.diagram.write=true} the test writes the file anew instead of failing.
 */
class ConversationDiagramTest {
    /** Relative to the module, where Maven runs its tests. */
    static final Path FILE = Path.of("..", "docs", "conversation.md");

    @Test
    void theCommittedDiagramIsTheTableAsItIs() throws IOException {
        String rendered = ConversationDiagram.render();
        if (Boolean.getBoolean("zv.diagram.write")) {
            Files.writeString(FILE, rendered, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(FILE)
                ? Files.readString(FILE, StandardCharsets.UTF_8).replace("\r\n", "\n")
                : "";
        if (!committed.equals(rendered)) {
            fail("docs/conversation.md is stale: it does not draw the table of steps (Steps.java) as it is now.\n"
                    + "Write it anew and commit it:\n    " + ConversationDiagram.REGENERATE);
        }
    }

    @Test
    void theDiagramDrawsEveryStepEveryMoveAndEveryBack() {
        String diagram = ConversationDiagram.render();
        String mermaid = diagram.substring(
                diagram.indexOf("```mermaid"), diagram.indexOf("```", diagram.indexOf("```mermaid") + 3));
        for (StepRow row : Steps.TABLE.rows()) {
            assertThat(mermaid).contains("        " + row.step() + "\n");
            for (Edge e : Steps.TABLE.edges(row.step())) {
                assertThat(mermaid).contains(row.step() + " -->|\"" + e.when() + "\"| " + e.to() + "\n");
            }
            if (row.back() != null) {
                assertThat(mermaid).contains(row.step() + " -.->|\"Назад\"| " + row.back() + "\n");
            }
            assertThat(diagram).contains("| `" + row.step() + "` | ");
        }
        for (Edge e : Steps.TABLE.anywhere()) {
            assertThat(mermaid).contains("ANY -->|\"" + e.when() + "\"| " + e.to() + "\n");
        }
        assertThat(diagram)
                .contains(
                        "| `CATEGORY` | Оберіть напрямок звернення: | button, text | `MAIN_MENU` | 1, editable from the summary |");
        assertThat(diagram).contains("| `PHOTOS` | 📷 Додайте фото проблеми (до … шт.)");
    }
}
