package org.lettermerge.template;

import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import org.lettermerge.problems.Problem;

/** Turns Mustache.java's compile errors into problems naming template:line. */
final class CompileErrors {

    private CompileErrors() {
    }

    static Problem toProblem(TemplateSource source, MustacheException e) {
        TemplateContext context = e.getContext();
        String where = context == null ? source.name() : context.file() + ":" + context.line();
        String message = e.getMessage();
        // getMessage() appends " @[file:line]" when a context is set; we already put that in front.
        int at = message.lastIndexOf(" @[");
        if (at > 0) {
            message = message.substring(0, at);
        }
        return Problem.error(where, message);
    }
}
