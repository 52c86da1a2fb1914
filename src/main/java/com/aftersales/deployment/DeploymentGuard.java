package com.aftersales.deployment;

import com.aftersales.deadlines.Deadlines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Guards the running shop against a deployment that would break at run time: before anything is
 * stored, every BPMN model of a deployment (from the Modeler, the REST API or the release) is
 * checked, and the deployment is refused with a 400 whose message names the element and the
 * problem. The engine's own parse errors keep their messages; this catches what only fails later: a
 * user task whose form is missing (after {@link LiveFormsAttached} added the live forms), a bean or
 * deadline that does not exist, a candidate group nobody is in, a process without a history time to
 * live.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN =
      Pattern.compile("[$#]\\{\\s*([A-Za-z_]\\w*)(?:\\.(\\w+))?(?:\\('(\\w+)'\\))?");

  /** What a deployment may hold: models, decision tables, forms and the diagrams' pictures. */
  private static final Pattern DEPLOYABLE =
      Pattern.compile(
          "\\.(bpmn|bpmn20\\.xml|dmn|dmn11\\.xml|form|png|svg|jpg|jpeg|gif)$",
          Pattern.CASE_INSENSITIVE);

  private final ApplicationContext context;
  private final Deadlines deadlines;
  private final ObjectMapper json = new ObjectMapper();

  DeploymentGuard(ApplicationContext context, Deadlines deadlines) {
    this.context = context;
    this.deadlines = deadlines;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(this);
    configuration.setCustomPreDeployers(pre);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Set<String> formsHere = new HashSet<>();
    List<BpmnModelInstance> models = new ArrayList<>();
    for (ResourceEntity r : deployment.getResources().values()) {
      if (r.getName().endsWith(".form")) {
        try {
          formsHere.add(json.readTree(r.getBytes()).path("id").asText());
        } catch (java.io.IOException e) {
          refuse(r.getName() + "：不是有效的 Camunda 表单（JSON 无法解析）");
        }
      } else if (r.getName().endsWith(".bpmn") || r.getName().endsWith(".bpmn20.xml")) {
        try {
          models.add(Bpmn.readModelFromStream(new ByteArrayInputStream(r.getBytes())));
        } catch (RuntimeException e) {
          Throwable cause = e;
          while (cause.getCause() != null) {
            cause = cause.getCause();
          }
          String detail = String.valueOf(cause.getMessage());
          java.util.regex.Matcher line =
              java.util.regex.Pattern.compile("Line=(\\d+):?\\s*").matcher(detail);
          String where = "";
          if (cause instanceof org.xml.sax.SAXParseException at && at.getLineNumber() > 0) {
            where = "（第 " + at.getLineNumber() + " 行附近）";
          } else if (line.find()) {
            where = "（第 " + line.group(1) + " 行附近）";
            detail = detail.substring(line.end());
          }
          refuse(
              r.getName()
                  + " 不是有效的 BPMN 文件"
                  + where
                  + "：请在 Camunda Modeler 中打开、检查并保存后重新部署（解析器原文："
                  + detail
                  + "）");
        }
      } else if (!DEPLOYABLE.matcher(r.getName()).find()) {
        refuse(r.getName() + "：不能部署这种文件，只能部署流程（.bpmn）、决策表（.dmn）、表单（.form）和流程图片");
      }
    }
    List<String> problems = new ArrayList<>();
    for (BpmnModelInstance model : models) {
      check(model, formsHere, problems);
    }
    if (!problems.isEmpty()) {
      refuse(String.join("；", problems));
    }
  }

  void check(BpmnModelInstance model, Set<String> formsHere, List<String> problems) {
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (!Boolean.TRUE.equals(p.isExecutable())) {
        continue;
      }
      if (p.getCamundaHistoryTimeToLiveString() == null
          || p.getCamundaHistoryTimeToLiveString().isBlank()) {
        problems.add("流程 " + p.getId() + "：没有设置历史保留期限（History time to live）");
      }
      for (UserTask t : p.getChildElementsByType(UserTask.class)) {
        form(p, t, t.getCamundaFormRef(), t.getCamundaFormRefBinding(), formsHere, problems);
        String groups = t.getCamundaCandidateGroups();
        if (groups != null) {
          for (String g : groups.split(",")) {
            String group = g.trim();
            if (!group.isEmpty() && !group.startsWith("$") && !groupExists(group)) {
              problems.add(where(p, t) + "：候选组 " + group + " 不存在");
            }
          }
        }
      }
      for (StartEvent s : p.getChildElementsByType(StartEvent.class)) {
        form(p, s, s.getCamundaFormRef(), s.getCamundaFormRefBinding(), formsHere, problems);
      }
    }
    expressions(model.getDocument().getRootElement(), model, problems);
  }

  private void form(
      Process p,
      FlowElement e,
      String ref,
      String binding,
      Set<String> formsHere,
      List<String> problems) {
    if (ref == null || ref.startsWith("$") || formsHere.contains(ref)) {
      return;
    }
    if ("deployment".equals(binding) || binding == null) {
      problems.add(where(p, e) + "：表单 " + ref + " 不在本次部署里，流程当前上线版本的部署里也没有（请检查表单编号，或把表单文件一起部署）");
    } else if (commandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(ref)
        == null) {
      problems.add(where(p, e) + "：表单 " + ref + " 不存在（本次部署和已部署的表单里都没有）");
    }
  }

  /** Bean names in delegate expressions, and deadlines named through the deadlines bean. */
  private void expressions(DomElement element, BpmnModelInstance model, List<String> problems) {
    String delegate = element.getAttribute(CAMUNDA, "delegateExpression");
    List<String> texts = new ArrayList<>();
    for (String attr :
        List.of(
            "delegateExpression",
            "expression",
            "dueDate",
            "followUpDate",
            "failedJobRetryTimeCycle")) {
      String v = element.getAttribute(CAMUNDA, attr);
      if (v != null) {
        texts.add(v);
      }
    }
    String local = element.getLocalName();
    if (local.equals("timeDuration") || local.equals("timeDate") || local.equals("timeCycle")) {
      texts.add(element.getTextContent());
    }
    for (String text : texts) {
      Matcher m = BEAN.matcher(text);
      while (m.find()) {
        String name = m.group(1);
        boolean isDelegate = text.equals(delegate);
        boolean bean = context.containsBean(name);
        if (isDelegate && !bean) {
          problems.add(owner(element, model) + "：表达式 " + text + " 引用的 " + name + " 不存在（不是应用里的组件）");
        } else if (bean && name.equals("deadlines")) {
          String deadline = "due".equals(m.group(2)) ? m.group(3) : m.group(2);
          if (deadline != null && !deadlines.all().containsKey(deadline)) {
            problems.add(
                owner(element, model)
                    + "：期限 "
                    + deadline
                    + " 没有配置（可用："
                    + String.join("、", deadlines.all().keySet())
                    + "）");
          }
        }
      }
    }
    element.getChildElements().forEach(c -> expressions(c, model, problems));
  }

  private static String owner(DomElement element, BpmnModelInstance model) {
    for (DomElement e = element; e != null; e = e.getParentElement()) {
      String id = e.getAttribute("id");
      if (id != null
          && model.getModelElementById(id) instanceof BaseElement b
          && !(b instanceof org.camunda.bpm.model.bpmn.instance.EventDefinition)) {
        return b instanceof FlowElement f && f.getName() != null
            ? id + "（" + f.getName() + "）"
            : id;
      }
    }
    return "模型";
  }

  private static String where(Process p, FlowElement e) {
    return "流程 "
        + p.getId()
        + " 的 "
        + e.getId()
        + (e.getName() == null ? "" : "（" + e.getName() + "）");
  }

  /** A group of the roles table (created at start) or one an administrator added. */
  private boolean groupExists(String group) {
    return com.aftersales.base.Roles.ALL.stream().anyMatch(r -> r.id().equals(group))
        || commandContext().getReadOnlyIdentityProvider().createGroupQuery().groupId(group).count()
            > 0;
  }

  private static CommandContext commandContext() {
    return Context.getCommandContext();
  }

  private static void refuse(String message) {
    throw new BadUserRequestException("部署被拒绝：" + message);
  }
}
