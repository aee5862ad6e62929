<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Move appointment</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>Book appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(不指定人员)</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>(不指定房间)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>目的：</translation>
    </message>
    <message>
        <source>Consultant or doctor:</source>
        <translation>咨询师或医生：</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>房间：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>预约</translation>
    </message>
</context>
<context>
    <name>AppointmentsTabWidget</name>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <source>Ctrl+N, or Enter on a free slot</source>
        <translation>Ctrl+N，或在空时段按回车</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>改约…</translation>
    </message>
    <message>
        <source>Cancel booking…</source>
        <translation>取消预约…</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>到诊登记</translation>
    </message>
    <message>
        <source>Evening list (PDF)…</source>
        <translation>明日预约提醒单(PDF)…</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>%1 booked for %2.</source>
        <translation>已为%1预约 %2。</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Cancel the booking of %1 at %2? The customer&apos;s message is written.</source>
        <translation>取消%1在%2的预约？将生成给客户的取消短信。</translation>
    </message>
    <message>
        <source>Booking of %1 cancelled.</source>
        <translation>%1的预约已取消。</translation>
    </message>
    <message>
        <source>%1 checked in; the arrival is in the front desk&apos;s queue.</source>
        <translation>%1已到诊，到访记录已进入前台分诊队列。</translation>
    </message>
    <message>
        <source>Print the evening list</source>
        <translation>打印明日预约提醒单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Evening list printed to %1</source>
        <translation>提醒单已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <source>Correct arrival</source>
        <translation>更正到访登记</translation>
    </message>
    <message>
        <source>Register arrival</source>
        <translation>到访登记</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Accompanied by a parent</source>
        <translation>有家长陪同</translation>
    </message>
    <message>
        <source>Refuses to leave details</source>
        <translation>拒绝留下资料</translation>
    </message>
    <message>
        <source>Has an open course</source>
        <translation>有未完成疗程</translation>
    </message>
    <message>
        <source>Known mental illness</source>
        <translation>已知精神疾病</translation>
    </message>
    <message>
        <source>Not a transfer</source>
        <translation>非转诊</translation>
    </message>
    <message>
        <source>No inquiry</source>
        <translation>无咨询记录</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(未填写)</translation>
    </message>
    <message>
        <source>Never shown to a consultant before they accept</source>
        <translation>咨询师接诊前不会看到</translation>
    </message>
    <message>
        <source>Counts as a turn</source>
        <translation>占诊</translation>
    </message>
    <message>
        <source>The customer remembers the consultant</source>
        <translation>客户记得原咨询师</translation>
    </message>
    <message>
        <source>Form completed at</source>
        <translation>咨询单填写完成时间</translation>
    </message>
    <message>
        <source>Came for</source>
        <translation>来院目的</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Transferred from</source>
        <translation>转诊科室</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>咨询记录</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Inquiry item</source>
        <translation>咨询项目</translation>
    </message>
    <message>
        <source>Visit class</source>
        <translation>到访类型</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>是否占诊</translation>
    </message>
    <message>
        <source>Named consultant</source>
        <translation>指定咨询师</translation>
    </message>
    <message>
        <source>Save and queue (Ctrl+S)</source>
        <translation>保存并排队 (Ctrl+S)</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>Suggested: %1, because %2. Goes to the small rotation.</source>
        <translation>建议:%1,因为%2。进入小轮排。</translation>
    </message>
    <message>
        <source>Suggested: %1, because %2. A gift: stays in the main rotation.</source>
        <translation>建议:%1,因为%2。赠送项目仍在大轮排。</translation>
    </message>
    <message>
        <source>Suggested: %1, because %2.</source>
        <translation>建议:%1,因为%2。</translation>
    </message>
</context>
<context>
    <name>CallLogDialog</name>
    <message>
        <source>Follow-up call: %1</source>
        <translation>回访：%1</translation>
    </message>
    <message>
        <source>Effective follow-up (counts for the consultant)</source>
        <translation>有效回访（计入咨询师）</translation>
    </message>
    <message>
        <source>No further call</source>
        <translation>无需再回访</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>回访原因</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>回访结果(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Next &amp;step</source>
        <translation>下一步(&amp;S)</translation>
    </message>
    <message>
        <source>Call again in</source>
        <translation>再次回访间隔</translation>
    </message>
</context>
<context>
    <name>CallLogForm</name>
    <message>
        <source>Log a call</source>
        <translation>登记通话</translation>
    </message>
    <message>
        <source>Caller&apos;s number, then Enter</source>
        <translation>输入来电号码后回车</translation>
    </message>
    <message>
        <source>Not a customer</source>
        <translation>非客户</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Save call</source>
        <translation>保存通话</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>呼叫方向：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>号码：</translation>
    </message>
    <message>
        <source>Customers with this number:</source>
        <translation>使用此号码的客户：</translation>
    </message>
    <message>
        <source>Or find a customer:</source>
        <translation>或查找客户：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Caller&apos;s name:</source>
        <translation>来电人姓名：</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>通话主题：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>通话结果：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>通话时长：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>No customer has this number.</source>
        <translation>没有客户使用此号码。</translation>
    </message>
</context>
<context>
    <name>CallReviewBox</name>
    <message>
        <source>Quality review</source>
        <translation>通话质检</translation>
    </message>
    <message>
        <source>Choose a call in the list.</source>
        <translation>请在列表中选择一条通话。</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>保存质检</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已质检</translation>
    </message>
    <message>
        <source>Average quality %</source>
        <translation>平均质量分%</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>通话：</translation>
    </message>
    <message>
        <source>Courtesy:</source>
        <translation>礼貌用语：</translation>
    </message>
    <message>
        <source>Knowledge:</source>
        <translation>业务知识：</translation>
    </message>
    <message>
        <source>Problem solved:</source>
        <translation>问题已解决：</translation>
    </message>
    <message>
        <source>Process followed:</source>
        <translation>遵守流程：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>评语：</translation>
    </message>
    <message>
        <source>Agents in month:</source>
        <translation>本月坐席：</translation>
    </message>
    <message>
        <source>Review saved: %1 %.</source>
        <translation>质检已保存：%1 %。</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长(分钟)</translation>
    </message>
    <message>
        <source>Quality %</source>
        <translation>质量分%</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Receive as complaint…</source>
        <translation>登记为投诉…</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>登记通话</translation>
    </message>
    <message>
        <source>Quality review</source>
        <translation>通话质检</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Complaint %1 received.</source>
        <translation>投诉 %1 已受理。</translation>
    </message>
</context>
<context>
    <name>CashierTabWidget</name>
    <message>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>Today&apos;s sales</source>
        <translation>今日收银</translation>
    </message>
</context>
<context>
    <name>CatalogueTabWidget</name>
    <message>
        <source>Service items</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <source>No customer chosen.</source>
        <translation>未选择客户。</translation>
    </message>
    <message>
        <source>Course paid per session</source>
        <translation>疗程按次付费</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Take a session</source>
        <translation>划扣一次</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Check out (Ctrl+Enter)</source>
        <translation>结账 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Receipt (A5)</source>
        <translation>收据（A5）</translation>
    </message>
    <message>
        <source>Receipt (80 mm)</source>
        <translation>小票（80 mm）</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Open course:</source>
        <translation>未完成疗程：</translation>
    </message>
    <message>
        <source>Consultant:</source>
        <translation>咨询师：</translation>
    </message>
    <message>
        <source>(no consultant)</source>
        <translation>（无咨询师）</translation>
    </message>
    <message>
        <source>no tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <source>%1 (%2) · Tier: %3, %4% off · Points: %5 · Stored value: %6 · Deposit: %7</source>
        <translation>%1（%2）· 等级：%3，优惠 %4% · 积分：%5 · 储值：%6 · 定金：%7</translation>
    </message>
    <message>
        <source>%1: %2 of %3 sessions left</source>
        <translation>%1：共 %3 次，剩余 %2 次</translation>
    </message>
    <message>
        <source>Total: %1 · Paid: %2 · Still to pay: %3</source>
        <translation>合计：%1 · 已付：%2 · 待付：%3</translation>
    </message>
    <message>
        <source>%1 recorded: %2, points %3.</source>
        <translation>%1 已入账：%2，积分 %3。</translation>
    </message>
    <message>
        <source>Receipt saved: %1</source>
        <translation>收据已保存：%1</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailWidget</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Print complaint form…</source>
        <translation>打印投诉单…</translation>
    </message>
    <message>
        <source>Suspend the consultant for a day</source>
        <translation>咨询师停诊一天</translation>
    </message>
    <message>
        <source>No complaint chosen.</source>
        <translation>未选择投诉。</translation>
    </message>
    <message>
        <source>Printed to %1.</source>
        <translation>已打印到 %1。</translation>
    </message>
    <message>
        <source>Print complaint form</source>
        <translation>打印投诉单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Suspend consultant</source>
        <translation>咨询师停诊</translation>
    </message>
    <message>
        <source>Take %1 off the rotation for a day because of this complaint?</source>
        <translation>因本次投诉，将 %1 移出轮排一天？</translation>
    </message>
    <message>
        <source>About: %1</source>
        <translation>被投诉人员：%1</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>期限：%1</translation>
    </message>
    <message>
        <source>service attitude</source>
        <translation>服务态度</translation>
    </message>
</context>
<context>
    <name>ComplaintFromCallDialog</name>
    <message>
        <source>Receive a complaint from this call</source>
        <translation>将此通话登记为投诉</translation>
    </message>
</context>
<context>
    <name>ComplaintIntakeBox</name>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Not a registered customer</source>
        <translation>非登记客户</translation>
    </message>
    <message>
        <source>Not a customer</source>
        <translation>非客户</translation>
    </message>
    <message>
        <source>Leave empty to use the customer&apos;s mobile</source>
        <translation>留空则使用客户的手机号</translation>
    </message>
    <message>
        <source>— nobody in particular —</source>
        <translation>— 不针对具体人员 —</translation>
    </message>
    <message>
        <source>Received earlier, at:</source>
        <translation>补录，受理时间：</translation>
    </message>
    <message>
        <source>Receive complaint</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Find customer:</source>
        <translation>查找客户：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>投诉渠道：</translation>
    </message>
    <message>
        <source>About staff:</source>
        <translation>被投诉人员：</translation>
    </message>
    <message>
        <source>Complaint:</source>
        <translation>投诉内容：</translation>
    </message>
</context>
<context>
    <name>ComplaintStepForm</name>
    <message>
        <source>Handling:</source>
        <translation>处理方式：</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>主管：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>What was found:</source>
        <translation>调查情况：</translation>
    </message>
    <message>
        <source>Measures:</source>
        <translation>处理措施：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>责任部门：</translation>
    </message>
    <message>
        <source>Person responsible:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <source>Told the customer:</source>
        <translation>向客户反馈：</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <source>Sign-off:</source>
        <translation>客户确认方式：</translation>
    </message>
    <message>
        <source>Customer&apos;s signature:</source>
        <translation>客户签名：</translation>
    </message>
    <message>
        <source>Service attitude of the staff complained about</source>
        <translation>被投诉人员的服务态度问题</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Analysis:</source>
        <translation>原因分析：</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>总结：</translation>
    </message>
    <message>
        <source>Close the complaint.</source>
        <translation>结案。</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>记录此步骤</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>All complaints</source>
        <translation>全部投诉</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>逾期 %1 件</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Needs a connection to headquarters, which cannot be reached (last sync: %1).</source>
        <translation>需要连接总部，但目前无法连接（上次同步：%1）。</translation>
    </message>
</context>
<context>
    <name>ConsultantTabWidget</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>来访类型</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>应答截止</translation>
    </message>
    <message>
        <source>Reason for declining</source>
        <translation>拒接原因</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接诊</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒接</translation>
    </message>
    <message>
        <source>Inquiry item</source>
        <translation>咨询项目</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接待时间</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Offered to me</source>
        <translation>分配给我的客户</translation>
    </message>
    <message>
        <source>Today&apos;s customers</source>
        <translation>今日客户</translation>
    </message>
    <message>
        <source>%1 is yours now.</source>
        <translation>%1 已由您接待。</translation>
    </message>
    <message>
        <source>Declined; the customer passes to the next consultant.</source>
        <translation>已拒接，客户将分给下一位咨询师。</translation>
    </message>
    <message>
        <source>This offer has timed out or was taken by another consultant. Nothing was changed.</source>
        <translation>该分诊已超时或已由其他咨询师接待，未做任何更改。</translation>
    </message>
    <message>
        <source>Say why you decline the customer.</source>
        <translation>请填写拒接原因。</translation>
    </message>
</context>
<context>
    <name>ConsultationFormWidget</name>
    <message>
        <source>What the customer wants, findings, advice given</source>
        <translation>客户需求、所见情况、给出的建议</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>More about why (required for “Other”)</source>
        <translation>原因说明（选择“其他”时必填）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>咨询内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>咨询结果</translation>
    </message>
    <message>
        <source>Why not closed</source>
        <translation>未成交原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Save as correction of the selected</source>
        <translation>保存为所选记录的更正</translation>
    </message>
    <message>
        <source>Earlier records (newest version of each)</source>
        <translation>以往记录（每条显示最新版本）</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>Consultation record saved.</source>
        <translation>咨询记录已保存。</translation>
    </message>
</context>
<context>
    <name>CountPage</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照时间</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <source>Blind count</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <source>New count</source>
        <translation>新建盘点</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Print sheet…</source>
        <translation>打印盘点表…</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Import xlsx…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <source>Flag recount</source>
        <translation>标记复盘</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>过账</translation>
    </message>
    <message>
        <source>Variance report…</source>
        <translation>差异表…</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>System</source>
        <translation>账面</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫码或输入编码后回车</translation>
    </message>
    <message>
        <source>Counted quantity, then Enter</source>
        <translation>输入实盘数量后回车</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>扫码：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>%1 of %2 lines counted.</source>
        <translation>已盘 %1 / %2 行。</translation>
    </message>
    <message>
        <source>Gain %1, loss %2, net %3.</source>
        <translation>盘盈 %1，盘亏 %2，净差异 %3。</translation>
    </message>
    <message numerus="yes">
        <source>Count %1 opened with %n line(s).</source>
        <translation>
            <numerusform>已新建盘点单 %1，共 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: %1 counted %2.</source>
        <translation>已保存：%1 实盘 %2。</translation>
    </message>
    <message>
        <source>Submitted for approval.</source>
        <translation>已提交审批。</translation>
    </message>
    <message>
        <source>The line is flagged for a recount.</source>
        <translation>该行已标记复盘。</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>已审批。</translation>
    </message>
    <message>
        <source>Post count</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <source>Post count %1? The differences become stock moves; this cannot be undone.</source>
        <translation>确定过账盘点单 %1？差异将写入库存流水，无法撤销。</translation>
    </message>
    <message>
        <source>Posted: the stock now matches the count.</source>
        <translation>已过账：库存已与盘点结果一致。</translation>
    </message>
    <message>
        <source>Posting the count</source>
        <translation>正在过账盘点</translation>
    </message>
    <message>
        <source>Print count sheet</source>
        <translation>打印盘点表</translation>
    </message>
    <message>
        <source>Export count sheet</source>
        <translation>导出盘点表</translation>
    </message>
    <message>
        <source>Variance report</source>
        <translation>盘点差异表</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Import counted quantities</source>
        <translation>导入实盘数量</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown code</source>
        <translation>编码不存在</translation>
    </message>
    <message>
        <source>not in this count</source>
        <translation>不在本次盘点中</translation>
    </message>
    <message>
        <source>several lines match: give batch and location</source>
        <translation>匹配多行：请填写批号和库位</translation>
    </message>
    <message>
        <source>quantity is not a number of 0 or more</source>
        <translation>数量必须是不小于 0 的数字</translation>
    </message>
    <message>
        <source>line given twice</source>
        <translation>同一行重复出现</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>未导入任何数据。%1</translation>
    </message>
</context>
<context>
    <name>CustomerChoiceBox</name>
    <message>
        <source>Book a lead instead</source>
        <translation>改为预约线索</translation>
    </message>
    <message>
        <source>Book a lead by name and mobile; register the file when they arrive</source>
        <translation>按姓名和手机预约线索客户；到院时再建档</translation>
    </message>
    <message>
        <source>Find the customer file (then Enter):</source>
        <translation>查找客户档案（然后回车）：</translation>
    </message>
    <message>
        <source>Offline: customers registered at other branches since the last sync (%1) are not here yet; book them by name and mobile and register them as new.</source>
        <translation>离线：上次同步（%1）之后在其他中心登记的客户暂未同步到本机；请按姓名和手机预约，并作为新客户建档。</translation>
    </message>
    <message>
        <source>Customer file: %1</source>
        <translation>客户档案：%1</translation>
    </message>
    <message>
        <source>No customer file chosen: booking a lead.</source>
        <translation>未选择客户档案：按线索预约。</translation>
    </message>
</context>
<context>
    <name>CustomerFormWidget</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Member type</source>
        <translation>会员类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Income level</source>
        <translation>收入水平</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发人员</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>短信服务</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 1985-03-12</translation>
    </message>
    <message>
        <source>Surname and given name</source>
        <translation>姓和名，例如 王小明</translation>
    </message>
    <message>
        <source>18 characters; fills birthday and gender</source>
        <translation>18 位，自动填写生日和性别</translation>
    </message>
    <message>
        <source>Agrees to receive SMS</source>
        <translation>同意接收短信</translation>
    </message>
</context>
<context>
    <name>CustomerPageWidget</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Merge a duplicate…</source>
        <translation>合并重复档案…</translation>
    </message>
    <message>
        <source>Register arrival (F4)</source>
        <translation>到访登记 (F4)</translation>
    </message>
    <message>
        <source>Back to list (Esc)</source>
        <translation>返回列表 (Esc)</translation>
    </message>
    <message>
        <source>Basic data</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Health file</source>
        <translation>健康档案</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>Tier: %1  ·  Points: %2  ·  Stored value: %3 yuan</source>
        <translation>等级：%1  ·  积分：%2  ·  储值：%3 元</translation>
    </message>
    <message>
        <source>Arrival registered; the customer is queued.</source>
        <translation>已到访登记,客户已进入分诊队列。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>合并档案</translation>
    </message>
    <message>
        <source>Merge %1 into %2? This cannot be undone.</source>
        <translation>将 %1 合并到 %2？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Name, pinyin initials, mobile tail or file number</source>
        <translation>姓名、拼音首字母、手机尾号或档案号</translation>
    </message>
</context>
<context>
    <name>CustomerServiceTabWidget</name>
    <message>
        <source>Follow-up calls</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Institution surveys</source>
        <translation>合作机构调查</translation>
    </message>
    <message>
        <source>Follow-up rules</source>
        <translation>回访规则</translation>
    </message>
    <message>
        <source>Greetings</source>
        <translation>关怀祝福</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Call centre</source>
        <translation>呼叫中心</translation>
    </message>
</context>
<context>
    <name>CustomerTabWidget</name>
    <message>
        <source>Search: name, pinyin initials (e.g. wxm), last 4 digits of the mobile, card or file number  (F2)</source>
        <translation>搜索：姓名、拼音首字母（如 wxm）、手机后 4 位、卡号或档案号  (F2)</translation>
    </message>
    <message>
        <source>New customer (Ctrl+N)</source>
        <translation>新建客户 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Register arrival (F4)</source>
        <translation>到访登记 (F4)</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Member type</source>
        <translation>会员类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Offline: customers registered at other branches since the last sync (%1) are not found here yet; register them as new, headquarters reviews the duplicates.</source>
        <translation>离线：上次同步（%1）之后在其他中心登记的客户暂时查不到；请作为新客户建档，总部会审核重复档案。</translation>
    </message>
    <message>
        <source>%1 customers in all; the newest are listed. Type to search.</source>
        <translation>共 %1 位客户，下面列出最新建档的客户。输入关键字即可搜索。</translation>
    </message>
    <message>
        <source>No customer matches. Check the spelling or press Ctrl+N to register a new one.</source>
        <translation>没有匹配的客户。请检查输入，或按 Ctrl+N 新建客户。</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>找到 %1 位客户</translation>
    </message>
</context>
<context>
    <name>CustomerWorkspaceWidget</name>
    <message>
        <source>Open one of today&apos;s customers to work on their file.</source>
        <translation>请打开一位今日客户以处理其档案。</translation>
    </message>
    <message>
        <source>Health file</source>
        <translation>健康档案</translation>
    </message>
    <message>
        <source>Consultation record</source>
        <translation>咨询记录</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>处方</translation>
    </message>
    <message>
        <source>no inquiry item</source>
        <translation>无咨询项目</translation>
    </message>
</context>
<context>
    <name>DashboardTabWidget</name>
    <message>
        <source>Revenue (yuan)</source>
        <translation>营收（元）</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到访量</translation>
    </message>
    <message>
        <source>Satisfied (% of surveys)</source>
        <translation>满意率（占调查%）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Satisfied %</source>
        <translation>满意率%</translation>
    </message>
    <message numerus="yes">
        <source>%n survey(s) in the period.</source>
        <translation>
            <numerusform>本期共 %n 份调查。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopSession</name>
    <message>
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <source>The database could not be opened:
%1

Check the address in the settings or LORCH_DATABASE_URL.</source>
        <translation>无法打开数据库：
%1

请检查设置中的数据库地址或 LORCH_DATABASE_URL。</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>演示数据库</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the current database by the backup %1? Everything saved after that backup is lost. The current database is backed up first.</source>
        <translation>用备份 %1 替换当前数据库？该备份之后保存的所有数据都将丢失。替换前会先备份当前数据库。</translation>
    </message>
</context>
<context>
    <name>DestructionPage</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>监销人</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Witness name</source>
        <translation>监销人姓名</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>执行销毁…</translation>
    </message>
    <message>
        <source>Print record…</source>
        <translation>打印销毁记录…</translation>
    </message>
    <message>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫码或输入编码后回车</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Request destruction</source>
        <translation>提交销毁申请</translation>
    </message>
    <message>
        <source>New destruction request</source>
        <translation>新建销毁申请</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>品名：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批号：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>No stock of %1 in this warehouse.</source>
        <translation>本仓库没有 %1 的库存。</translation>
    </message>
    <message>
        <source>Destruction %1 requested; a manager approves it.</source>
        <translation>销毁申请 %1 已提交，待主管审批。</translation>
    </message>
    <message>
        <source>Destroy goods</source>
        <translation>销毁物品</translation>
    </message>
    <message>
        <source>Destroy the goods of %1 now, witnessed by %2? This cannot be undone.</source>
        <translation>确定立即销毁 %1 的物品（监销人：%2）？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Destroyed: %1.</source>
        <translation>已销毁：%1。</translation>
    </message>
    <message>
        <source>Print destruction record</source>
        <translation>打印销毁记录</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>DispensingPage</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Chinese herbs</source>
        <translation>中药饮片</translation>
    </message>
    <message>
        <source>Western</source>
        <translation>西药/营养素</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Dispense</source>
        <translation>发药</translation>
    </message>
    <message>
        <source>%1 outstanding</source>
        <translation>尚欠 %1</translation>
    </message>
    <message>
        <source>%1 dispensed in full.</source>
        <translation>%1 已全部发药。</translation>
    </message>
    <message>
        <source>%1 dispensed in part.</source>
        <translation>%1 已部分发药。</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>same mobile</source>
        <translation>手机相同</translation>
    </message>
    <message>
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same name and birthday</source>
        <translation>姓名和生日相同</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>These customers look like the one you are registering. Open one of them, or register a new customer anyway.</source>
        <translation>以下客户与您正在登记的客户相似。请打开其中一位，或仍然新建客户。</translation>
    </message>
    <message>
        <source>Open selected</source>
        <translation>打开所选客户</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>仍然新建</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Re-evaluate…</source>
        <translation>等级评定…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核期</translation>
    </message>
    <message>
        <source>Run at</source>
        <translation>评定时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>参评人数</translation>
    </message>
    <message>
        <source>Upgrades</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Downgrades</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>考核期：</translation>
    </message>
    <message>
        <source>Each customer&apos;s cumulative spend up to the period&apos;s last day decides their tier; every upgrade and downgrade is kept in the history and the customer is sent a message.</source>
        <translation>按每位客户截至考核期最后一天的累计消费确定其会员等级；每次升级和降级都记入历史，并向客户发送短信。</translation>
    </message>
    <message>
        <source>Re-evaluations so far</source>
        <translation>历次等级评定</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>第 %1 季度</translation>
    </message>
    <message>
        <source>First half-year</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Second half-year</source>
        <translation>下半年</translation>
    </message>
    <message>
        <source>%1 (spend up to %2): %3 customers, %4 upgrades, %5 downgrades.</source>
        <translation>%1（消费截至 %2）：%3 位客户，升级 %4 人，降级 %5 人。</translation>
    </message>
    <message>
        <source>Re-evaluate tiers</source>
        <translation>会员等级评定</translation>
    </message>
    <message>
        <source>Re-evaluate %1? %2 customers move up and %3 move down; each is sent a message.</source>
        <translation>评定 %1？将有 %2 位客户升级、%3 位客户降级，并分别发送短信通知。</translation>
    </message>
    <message>
        <source>Re-evaluating tiers…</source>
        <translation>正在评定会员等级…</translation>
    </message>
    <message>
        <source>%1 re-evaluated: %2 upgrades, %3 downgrades.</source>
        <translation>%1 已评定：升级 %2 人，降级 %3 人。</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Partner merchant</source>
        <translation>合作商家</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>创建活动</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>活动名称：</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Partner merchant:</source>
        <translation>合作商家：</translation>
    </message>
    <message>
        <source>Invited tiers:</source>
        <translation>邀请的会员等级：</translation>
    </message>
    <message>
        <source>Invite members…</source>
        <translation>邀请会员…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>保存总结</translation>
    </message>
    <message>
        <source>Invitations and sign-in</source>
        <translation>邀请与签到</translation>
    </message>
    <message>
        <source>Summary after the event:</source>
        <translation>活动总结：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Event created.</source>
        <translation>活动已创建。</translation>
    </message>
    <message>
        <source>Invite members</source>
        <translation>邀请会员</translation>
    </message>
    <message>
        <source>Send an invitation to every member of the event&apos;s tiers who agreed to receive messages and has not been invited yet?</source>
        <translation>向本活动所邀等级中、同意接收短信且尚未邀请的所有会员发送邀请？</translation>
    </message>
    <message>
        <source>Inviting members…</source>
        <translation>正在邀请会员…</translation>
    </message>
    <message>
        <source>%1 invitations queued; %2 members without SMS consent were left out.</source>
        <translation>已生成 %1 条邀请短信；%2 位会员未同意接收短信，未邀请。</translation>
    </message>
    <message>
        <source>%1 signed in.</source>
        <translation>%1 已签到。</translation>
    </message>
    <message>
        <source>Summary saved.</source>
        <translation>总结已保存。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up Lorch Desk</source>
        <translation>初始化 Lorch Desk</translation>
    </message>
    <message>
        <source>This database is new. Name the centre it belongs to and choose the administrator&apos;s password. There is no default password.</source>
        <translation>这是一个新数据库。请填写它所属的中心，并设置管理员密码。系统没有默认密码。</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>中心代码</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>中心名称</translation>
    </message>
    <message>
        <source>e.g. Beijing headquarters</source>
        <translation>例如：北京总部</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <source>Administrator name</source>
        <translation>管理员姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>at least 8 characters, letters and digits</source>
        <translation>至少 8 位，须包含字母和数字</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>This is the headquarters</source>
        <translation>本中心为总部</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FollowUpCallsPage</name>
    <message>
        <source>Due</source>
        <translation>应回访日期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>回访原因</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Customer-service pool</source>
        <translation>客服公共池</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>已拨打次数</translation>
    </message>
    <message>
        <source>Items / next step</source>
        <translation>项目 / 下一步</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>登记回访(&amp;L)…</translation>
    </message>
    <message>
        <source>Call last month&apos;s &amp;top 10</source>
        <translation>回访上月消费前10名(&amp;T)</translation>
    </message>
    <message>
        <source>Put each centre&apos;s ten customers with the highest spend last month on the list</source>
        <translation>将各中心上月消费金额最高的 10 位客户加入回访列表</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Calls planned: %1.</source>
        <translation>已安排回访：%1。</translation>
    </message>
    <message>
        <source>Calls to make: %1</source>
        <translation>待回访：%1</translation>
    </message>
    <message>
        <source>Call logged.</source>
        <translation>回访已登记。</translation>
    </message>
    <message>
        <source>Next call on %1.</source>
        <translation>下次回访：%1。</translation>
    </message>
</context>
<context>
    <name>FollowUpRulesPage</name>
    <message>
        <source>Event</source>
        <translation>触发事件</translation>
    </message>
    <message>
        <source>Item category (empty: any)</source>
        <translation>项目类别（留空：不限）</translation>
    </message>
    <message>
        <source>Days after (e.g. 1, 7, 30; empty: no call)</source>
        <translation>间隔天数（如 1, 7, 30；留空：不回访）</translation>
    </message>
    <message>
        <source>Who calls</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>添加规则(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move rule</source>
        <translation>删除规则(&amp;M)</translation>
    </message>
    <message>
        <source>Seed &amp;defaults</source>
        <translation>恢复默认规则(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save rules</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <source>Calls are planned when the call list loads, from sales, treatment plans, consultations without a deal and visits of the last weeks.</source>
        <translation>加载回访列表时，系统根据最近几周的消费、治疗方案、未成交的咨询和到访自动安排回访。</translation>
    </message>
    <message>
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
</context>
<context>
    <name>GreetingComposerWidget</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Queue messages</source>
        <translation>加入发件箱</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>No template yet: headquarters adds them.</source>
        <translation>暂无模板：由总部添加。</translation>
    </message>
    <message>
        <source>Choose a template first.</source>
        <translation>请先选择模板。</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) to queue.</source>
        <translation>
            <numerusform>待发送 %n 条短信。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a mobile.</source>
        <translation>
            <numerusform>%n 位无手机号。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already greeted.</source>
        <translation>
            <numerusform>%n 位已发送过祝福。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: no consent to marketing messages.</source>
        <translation>
            <numerusform>%n 位未同意接收营销短信，已排除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queue %n message(s) to the outbox?</source>
        <translation>
            <numerusform>将 %n 条短信加入发件箱？</numerusform>
        </translation>
    </message>
    <message>
        <source>Queueing messages</source>
        <translation>正在加入发件箱</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued to the outbox.</source>
        <translation>
            <numerusform>已将 %n 条短信加入发件箱。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GreetingsPageWidget</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>周岁</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Greeted</source>
        <translation>已祝福</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Today and the next six days. Select customers to greet, or none for all.</source>
        <translation>今天及之后六天。请选择要发送祝福的客户，不选则全部发送。</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Chinese holidays of the next three months.</source>
        <translation>未来三个月的中国节日。</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Only customers who consented to SMS are sent marketing.</source>
        <translation>营销短信只发给同意接收短信的客户。</translation>
    </message>
    <message>
        <source>Offer ({item})</source>
        <translation>优惠项目（{item}）</translation>
    </message>
    <message>
        <source>Date ({date})</source>
        <translation>日期（{date}）</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Lunar %1</source>
        <translation>农历 %1</translation>
    </message>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
</context>
<context>
    <name>HealthFileWidget</name>
    <message>
        <source>New entry for the section shown above</source>
        <translation>在上方所选栏目中新增记录</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Only consultants and doctors add to the health file.</source>
        <translation>只有咨询师和医生可以添加健康档案记录。</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Entry added.</source>
        <translation>记录已添加。</translation>
    </message>
</context>
<context>
    <name>InquiriesTabWidget</name>
    <message>
        <source>Name, mobile, number or item</source>
        <translation>姓名、手机、编号或项目</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New inquiry</source>
        <translation>新增咨询</translation>
    </message>
    <message>
        <source>Inquired</source>
        <translation>咨询时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>咨询项目</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>回访次数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Book appointment…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <source>Link customer…</source>
        <translation>关联客户档案…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>What was said; Enter logs the contact</source>
        <translation>沟通内容；回车即记录</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Contacts with this lead</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>No inquiries yet. Click &quot;New inquiry&quot; (Ctrl+N) to add one.</source>
        <translation>还没有咨询记录。点击“新增咨询”(Ctrl+N)登记。</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>已保存，编号 %1。</translation>
    </message>
    <message>
        <source>Linked to the customer file %1.</source>
        <translation>已关联客户档案 %1。</translation>
    </message>
    <message>
        <source>Appointment booked.</source>
        <translation>预约成功。</translation>
    </message>
</context>
<context>
    <name>InquiryFormWidget</name>
    <message>
        <source>Full name or surname, e.g. 王女士</source>
        <translation>姓名或姓氏，如 王女士</translation>
    </message>
    <message>
        <source>e.g. 祛斑, 体检, 减重</source>
        <translation>如 祛斑、体检、减重</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>已约</translation>
    </message>
    <message>
        <source>e.g. 美团, 百度, 小红书, 地推活动</source>
        <translation>如 美团、百度、小红书、地推活动</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Referrer:</source>
        <translation>介绍人：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>开发渠道：</translation>
    </message>
    <message>
        <source>Intake type:</source>
        <translation>受理类型：</translation>
    </message>
    <message>
        <source>Developer:</source>
        <translation>开发人员：</translation>
    </message>
    <message>
        <source>Consultant:</source>
        <translation>咨询师：</translation>
    </message>
    <message>
        <source>Inquiry item:</source>
        <translation>咨询项目类型：</translation>
    </message>
    <message>
        <source>Appointment time:</source>
        <translation>预约时间：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>信息来源：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>InstitutionSurveyBox</name>
    <message>
        <source>Quarterly survey of partner institutions</source>
        <translation>合作机构季度调查</translation>
    </message>
    <message>
        <source>&amp;Institution</source>
        <translation>机构(&amp;I)</translation>
    </message>
    <message>
        <source>Any day of the &amp;quarter</source>
        <translation>季度内任一天(&amp;Q)</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Save &amp;institution survey</source>
        <translation>保存机构调查(&amp;I)</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Choose the institution first.</source>
        <translation>请先选择机构。</translation>
    </message>
    <message>
        <source>Survey of %1 saved.</source>
        <translation>%1 的调查已保存。</translation>
    </message>
</context>
<context>
    <name>InstitutionsTabWidget</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Cooperation mode</source>
        <translation>合作方式</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>New institution</source>
        <translation>新建机构</translation>
    </message>
    <message>
        <source>e.g. referral, joint events</source>
        <translation>例如：转诊、联合活动</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Cooperation mode:</source>
        <translation>合作方式：</translation>
    </message>
    <message>
        <source>Cooperation project:</source>
        <translation>合作项目：</translation>
    </message>
    <message>
        <source>Signing date:</source>
        <translation>签约日期：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>终止合作…</translation>
    </message>
    <message>
        <source>Read only: your role may view partner institutions but not change them.</source>
        <translation>只读：您的角色可以查看合作机构，但不能修改。</translation>
    </message>
    <message>
        <source>Your role may view partner institutions but not change them.</source>
        <translation>您的角色可以查看合作机构，但不能修改。</translation>
    </message>
    <message>
        <source>No partner institutions yet. Click &quot;New institution&quot; to add one.</source>
        <translation>还没有合作机构。点击“新建机构”添加。</translation>
    </message>
    <message>
        <source>No partner institutions yet.</source>
        <translation>还没有合作机构。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Retire institution</source>
        <translation>终止合作</translation>
    </message>
    <message>
        <source>End the cooperation with {name}? It leaves the list; its history is kept.</source>
        <translation>终止与{name}的合作？该机构将从列表中移除，历史记录保留。</translation>
    </message>
    <message>
        <source>The institution was retired.</source>
        <translation>已终止与该机构的合作。</translation>
    </message>
</context>
<context>
    <name>LinkCustomerDialog</name>
    <message>
        <source>Link to a customer file</source>
        <translation>关联客户档案</translation>
    </message>
    <message>
        <source>Find the customer file of %1, then press Enter.</source>
        <translation>查找%1的客户档案，然后按回车。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Lorch Desk — log in</source>
        <translation>Lorch Desk — 登录</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>The screen was locked after a pause. Enter your password to go on.</source>
        <translation>长时间未操作，屏幕已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <source>Demo database: pick an account; every demo password is %1</source>
        <translation>演示数据库：请选择一个账号，所有演示账号的密码都是 %1</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>LunarBirthdayBoxWidget</name>
    <message>
        <source>Lunar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Celebrates the lunar birthday</source>
        <translation>过农历生日</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>%1: no birthday on file</source>
        <translation>%1：未登记生日</translation>
    </message>
    <message>
        <source>%1, born %2 (lunar %3)</source>
        <translation>%1，生于 %2（农历 %3）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>会员等级：</translation>
    </message>
    <message>
        <source>Cumulative spend:</source>
        <translation>累计消费：</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>积分：</translation>
    </message>
    <message>
        <source>Stored value:</source>
        <translation>储值：</translation>
    </message>
    <message>
        <source>Record referrer…</source>
        <translation>登记介绍人…</translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation>介绍人：</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变更时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Spend then</source>
        <translation>当时累计消费</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>Change the tier by hand</source>
        <translation>手动调整等级</translation>
    </message>
    <message>
        <source>Why, e.g. approved by the director</source>
        <translation>原因，例如：经院长批准</translation>
    </message>
    <message>
        <source>Change tier</source>
        <translation>调整等级</translation>
    </message>
    <message>
        <source>New tier:</source>
        <translation>新等级：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级变更记录</translation>
    </message>
    <message>
        <source>No tiers configured</source>
        <translation>未设置会员等级</translation>
    </message>
    <message>
        <source>The tier is now %1.</source>
        <translation>会员等级已调整为 %1。</translation>
    </message>
    <message>
        <source>Re-evaluation</source>
        <translation>等级评定</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手动调整</translation>
    </message>
</context>
<context>
    <name>MembershipTabWidget</name>
    <message>
        <source>Member lookup</source>
        <translation>会员查询</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Re-evaluation</source>
        <translation>等级评定</translation>
    </message>
    <message>
        <source>Member events</source>
        <translation>会员活动</translation>
    </message>
    <message>
        <source>Partner merchants</source>
        <translation>合作商家</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a duplicate record</source>
        <translation>合并重复档案</translation>
    </message>
    <message>
        <source>Find the duplicate record of %1. Its history stays and is shown with this customer; the duplicate disappears from searches.</source>
        <translation>查找 %1 的重复档案。重复档案的历史记录会保留，并显示在此客户名下；重复档案将不再出现在搜索结果中。</translation>
    </message>
    <message>
        <source>No record chosen yet.</source>
        <translation>尚未选择档案。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge into this customer: %1</source>
        <translation>合并到此客户：%1</translation>
    </message>
</context>
<context>
    <name>MessagesBoxWidget</name>
    <message>
        <source>Messages to customers</source>
        <translation>客户短信</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message numerus="yes">
        <source>Messages to customers (%n not sent)</source>
        <translation>
            <numerusform>客户短信（%n 条未发送）</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked sent: %1</source>
        <translation>已标记发送：%1</translation>
    </message>
</context>
<context>
    <name>MoneyBox</name>
    <message>
        <source>Stored value and deposits</source>
        <translation>储值与定金</translation>
    </message>
    <message>
        <source>Top up stored value</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <source>Take a deposit for the chosen item</source>
        <translation>为所选项目收取定金</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Type the amount first.</source>
        <translation>请先输入金额。</translation>
    </message>
    <message>
        <source>Choose the item and type the amount first.</source>
        <translation>请先选择项目并输入金额。</translation>
    </message>
    <message>
        <source>A deposit reserves a service item or course.</source>
        <translation>定金用于预留服务项目或疗程。</translation>
    </message>
</context>
<context>
    <name>NodeEnrolmentBox</name>
    <message>
        <source>Enrol a branch node</source>
        <translation>登记分中心节点</translation>
    </message>
    <message>
        <source>Enrol node</source>
        <translation>登记节点</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <source>Site code:</source>
        <translation>中心代码：</translation>
    </message>
    <message>
        <source>Site name (new site):</source>
        <translation>中心名称（新中心）：</translation>
    </message>
    <message>
        <source>Node name:</source>
        <translation>节点名称：</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Node %1 of %2 enrolled. Give this token to the branch (it is shown only once): lorch-desk sync --join URL --token TOKEN</source>
        <translation>已登记 %2 的节点 %1。请将此令牌交给该分中心（仅显示一次）：lorch-desk sync --join URL --token TOKEN</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Members get</source>
        <translation>会员权益</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Partner-merchant discounts by tier</source>
        <translation>各等级会员的合作商家优惠</translation>
    </message>
    <message>
        <source>Partner merchant</source>
        <translation>合作商家</translation>
    </message>
    <message>
        <source>e.g. dining, fitness, beauty</source>
        <translation>例如：餐饮、健身、美容</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>New merchant</source>
        <translation>新建商家</translation>
    </message>
    <message>
        <source>Save merchant</source>
        <translation>保存商家</translation>
    </message>
    <message>
        <source>e.g. 10% off the bill</source>
        <translation>例如：消费9折</translation>
    </message>
    <message>
        <source>%1 members get:</source>
        <translation>%1会员享受：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PaymentBox</name>
    <message>
        <source>Payment (several methods may share it)</source>
        <translation>付款（可多种支付方式组合）</translation>
    </message>
    <message>
        <source>Rest in cash</source>
        <translation>余额用现金支付</translation>
    </message>
</context>
<context>
    <name>PrescriptionFormWidget</name>
    <message>
        <source>Sign as doctor</source>
        <translation>医师签名</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>打印为PDF…</translation>
    </message>
    <message>
        <source>Dose, e.g. 1粒</source>
        <translation>单次用量，如 1粒</translation>
    </message>
    <message>
        <source>Frequency, e.g. 每日3次</source>
        <translation>频次，如 每日3次</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Grams per dose</source>
        <translation>每剂克数</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>处方类型</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Number of doses (剂数)</source>
        <translation>剂数</translation>
    </message>
    <message>
        <source>Decoction</source>
        <translation>煎法</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Prescriptions of this customer</source>
        <translation>该客户的处方</translation>
    </message>
    <message>
        <source>New prescription</source>
        <translation>新处方</translation>
    </message>
    <message>
        <source>stock %1 %2</source>
        <translation>库存 %1 %2</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>效期 %1</translation>
    </message>
    <message>
        <source>Grams per dose must be a number above 0.</source>
        <translation>每剂克数须为大于0的数字。</translation>
    </message>
    <message>
        <source>Quantity and days must be numbers above 0.</source>
        <translation>数量和天数须为大于0的数字。</translation>
    </message>
    <message>
        <source>Herb</source>
        <translation>药味</translation>
    </message>
    <message>
        <source>g per dose</source>
        <translation>每剂(克)</translation>
    </message>
    <message>
        <source>Total g</source>
        <translation>总量(克)</translation>
    </message>
    <message>
        <source>%1 doses × %2 g = %3 g in all</source>
        <translation>%1 剂 × %2 克 = 共 %3 克</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>单次用量</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>共 %1 行</translation>
    </message>
    <message>
        <source>Draft %1 saved; a doctor signs it.</source>
        <translation>草稿 %1 已保存，待医师签名。</translation>
    </message>
    <message>
        <source>Warning: an item matches a recorded allergy.</source>
        <translation>警告：有药品与已记录的过敏史相符。</translation>
    </message>
    <message>
        <source>%1 signed: it is in the pharmacy&apos;s queue.</source>
        <translation>%1 已签名，已进入药房待调剂队列。</translation>
    </message>
    <message>
        <source>Line %1: </source>
        <translation>第 %1 行：</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>打印为PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printed to %1</source>
        <translation>已打印到 %1</translation>
    </message>
</context>
<context>
    <name>PrescriptionView</name>
    <message>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>单次用量</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Stock / nearest expiry</source>
        <translation>库存 / 最近效期</translation>
    </message>
    <message>
        <source>Herb</source>
        <translation>药味</translation>
    </message>
    <message>
        <source>g per dose</source>
        <translation>每剂(克)</translation>
    </message>
    <message>
        <source>Total g</source>
        <translation>总量(克)</translation>
    </message>
    <message>
        <source>%1 doses (剂), %2 g per dose</source>
        <translation>共 %1 剂，每剂 %2 克</translation>
    </message>
    <message>
        <source>Decoction: %1</source>
        <translation>煎法：%1</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Diagnosis: %1</source>
        <translation>诊断：%1</translation>
    </message>
    <message>
        <source>Allergy warning: matches %1</source>
        <translation>过敏提示：与 %1 相符</translation>
    </message>
    <message>
        <source>Prescribed by %1</source>
        <translation>开方：%1</translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation>%1 于 %2 签名</translation>
    </message>
    <message>
        <source>Not signed yet: only a doctor signs.</source>
        <translation>尚未签名：仅医师可签名。</translation>
    </message>
</context>
<context>
    <name>QueueBoard</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>轮排</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>已等候</translation>
    </message>
    <message>
        <source>Offered to</source>
        <translation>已分给</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>应答截止</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Waited the longest allowed: a supervisor directs</source>
        <translation>已达最长等候:由主管点诊</translation>
    </message>
    <message>
        <source>Named consultant, no turn</source>
        <translation>指定咨询师,不占诊</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next turn</source>
        <translation>下一轮</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接诊</translation>
    </message>
    <message>
        <source>Skips</source>
        <translation>跳诊</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>接诊时间</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign %1</source>
        <translation>改派 %1</translation>
    </message>
    <message>
        <source>The customer signed the change-of-consultant consent</source>
        <translation>客户已签署更换咨询师同意书</translation>
    </message>
    <message>
        <source>Supervisor and director have checked</source>
        <translation>主管和总监已核查</translation>
    </message>
    <message>
        <source>Without the customer&apos;s signed consent, the supervisor and the director check first. You confirm the reassignment as the supervisor.</source>
        <translation>客户未签署同意书时,须先由主管和总监核查。改派由您以主管身份确认。</translation>
    </message>
    <message>
        <source>New consultant</source>
        <translation>新咨询师</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Print receipt note…</source>
        <translation>打印入库单…</translation>
    </message>
    <message>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫码或输入编码后回车</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Order line</source>
        <translation>订单行</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>保存入库单</translation>
    </message>
    <message>
        <source>New receipt</source>
        <translation>新建入库</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Into location:</source>
        <translation>入库库位：</translation>
    </message>
    <message>
        <source>Purchase order:</source>
        <translation>采购订单：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>品名：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批号：</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Unit cost:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <source>Direct receipt (no order)</source>
        <translation>直接入库（无订单）</translation>
    </message>
    <message>
        <source>Outstanding on this order: %1</source>
        <translation>本订单未到货：%1</translation>
    </message>
    <message numerus="yes">
        <source>Receipt %1 saved: %n line(s), total %2.</source>
        <translation>
            <numerusform>入库单 %1 已保存：%n 行，合计 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Print receipt note</source>
        <translation>打印入库单</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ReceiveShipmentBox</name>
    <message>
        <source>Receive shipment</source>
        <translation>调拨签收</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发出数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损数量</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Receive into stock</source>
        <translation>签收入库</translation>
    </message>
    <message>
        <source>Into location:</source>
        <translation>入库库位：</translation>
    </message>
    <message>
        <source>Receive with discrepancies</source>
        <translation>差异签收</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) differ from the shipment. Shortages are written off as a loss and damaged goods go to scrap. Receive now?</source>
        <translation>
            <numerusform>有 %n 行与发货单不符。短少部分计入损耗，破损货品转入报废。现在签收吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received %1: %n line(s) with a discrepancy.</source>
        <translation>
            <numerusform>已签收 %1：%n 行有差异。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferrerDialog</name>
    <message>
        <source>Referrer of %1</source>
        <translation>%1 的介绍人</translation>
    </message>
    <message>
        <source>Find the customer who referred this member, then press Enter:</source>
        <translation>查找介绍该会员的客户，然后按回车：</translation>
    </message>
</context>
<context>
    <name>ReportsTabWidget</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Show the report&apos;s rows (Enter)</source>
        <translation>显示报表数据 (Enter)</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Offline: figures of other sites are the snapshot of the last sync, %1.</source>
        <translation>离线：其他中心的数据为上次同步（%1）时的快照。</translation>
    </message>
    <message>
        <source>Running the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Printing to PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>正在导出 Excel…</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>This report has no filters.</source>
        <translation>此报表没有筛选条件。</translation>
    </message>
    <message>
        <source>Choose a report on the left…</source>
        <translation>请在左侧选择报表…</translation>
    </message>
    <message>
        <source>No reports are available to your role.</source>
        <translation>您的角色没有可用的报表。</translation>
    </message>
    <message>
        <source>Set the filters, then click Run to see the rows.</source>
        <translation>设置筛选条件后，点击“查询”查看数据。</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Tick to filter by this date; untick for any date.</source>
        <translation>勾选后按此日期筛选；不勾选则不限日期。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <source>Print to PDF</source>
        <translation>打印为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>No rows match these filters.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {total} rows. Export to Excel to get them all.</source>
        <translation>显示前 {shown} 行，共 {total} 行。导出 Excel 可获得全部数据。</translation>
    </message>
    <message>
        <source>Showing the first {shown} rows; there are more. Export to Excel to get them all.</source>
        <translation>显示前 {shown} 行，还有更多。导出 Excel 可获得全部数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>The report was not run: see the message above.</source>
        <translation>报表未生成：请查看上方的提示。</translation>
    </message>
    <message>
        <source>The data changed since this preview; click Run to refresh it.</source>
        <translation>预览之后数据已有变化，请点击“查询”刷新。</translation>
    </message>
</context>
<context>
    <name>RequiredFieldsTabWidget</name>
    <message>
        <source>Market, online and hotline desk</source>
        <translation>市场、网络、热线咨询台</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Consulting</source>
        <translation>现场咨询</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Ticked fields must be filled before a customer form of this department can be saved. The name is always required.</source>
        <translation>该部门保存客户资料时，勾选的字段必须填写。姓名始终为必填项。</translation>
    </message>
    <message>
        <source>Ticked fields must be filled before a customer form of this department can be saved. Only headquarters administrators change these settings.</source>
        <translation>勾选的字段必须填写后，该部门的客户表单才能保存。只有总部管理员可以修改这些设置。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>RequisitionPage</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分中心</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>货品</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Ship (earliest expiry first)</source>
        <translation>发货（先到期先出）</translation>
    </message>
    <message>
        <source>New requisition of nutrients</source>
        <translation>新建营养素申请</translation>
    </message>
    <message>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫码或输入编码后回车</translation>
    </message>
    <message>
        <source>Send requisition</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>品名：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Lines:</source>
        <translation>明细：</translation>
    </message>
    <message>
        <source>Shipped as %1; the goods are in transit.</source>
        <translation>已发货，发货单号 %1；货品在途。</translation>
    </message>
    <message>
        <source>Requisition %1 sent.</source>
        <translation>申请单 %1 已提交。</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>Site</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>新建房间</translation>
    </message>
    <message>
        <source>In use (appointments can book it)</source>
        <translation>启用（可用于预约）</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>中心：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>No rooms yet. Click &quot;New room&quot; to add one.</source>
        <translation>还没有房间。点击“新建房间”添加。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SalesPage</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Reason for the refund</source>
        <translation>退款原因</translation>
    </message>
    <message>
        <source>Refund the ticked lines (all when none)…</source>
        <translation>退款所勾选的明细（未勾选则全部退款）…</translation>
    </message>
    <message>
        <source>Receipt (A5)</source>
        <translation>收据（A5）</translation>
    </message>
    <message>
        <source>Receipt (80 mm)</source>
        <translation>小票（80 mm）</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>%1 documents. Takings by method: %2</source>
        <translation>共 %1 张单据。各支付方式收款：%2</translation>
    </message>
    <message>
        <source>Choose a sale, deposit or top-up to refund.</source>
        <translation>请选择要退款的收费单、定金或储值充值。</translation>
    </message>
    <message>
        <source>Refund what is left of %1 and pay it back as it was paid?</source>
        <translation>将 %1 剩余的金额全部退款，并按原支付方式退回？</translation>
    </message>
    <message>
        <source>Refund the ticked lines of %1 and pay them back as they were paid?</source>
        <translation>将 %1 中勾选的明细退款，并按原支付方式退回？</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>%1 recorded: %2 paid back.</source>
        <translation>%1 已入账：退回 %2。</translation>
    </message>
    <message>
        <source>Receipt saved: %1</source>
        <translation>收据已保存：%1</translation>
    </message>
</context>
<context>
    <name>SatisfactionSummaryBox</name>
    <message>
        <source>Monthly satisfaction</source>
        <translation>月度满意度</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>调查数</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意数</translation>
    </message>
    <message>
        <source>Satisfaction %</source>
        <translation>满意率%</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>轮排</translation>
    </message>
    <message>
        <source>Suspend for a &amp;week…</source>
        <translation>停诊一周(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>Choose the consultant first.</source>
        <translation>请先选择咨询师。</translation>
    </message>
    <message>
        <source>Suspend for a week</source>
        <translation>停诊一周</translation>
    </message>
    <message>
        <source>Take %1 off the rotation for a week for this month&apos;s satisfaction?</source>
        <translation>因本月满意度，将 %1 移出轮排一周？</translation>
    </message>
    <message>
        <source>%1 is suspended for a week.</source>
        <translation>%1 已停诊一周。</translation>
    </message>
</context>
<context>
    <name>ServiceItemsPage</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>疗程次数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>New service item</source>
        <translation>新建服务项目</translation>
    </message>
    <message>
        <source>e.g. skin care, TCM therapy</source>
        <translation>例如：皮肤护理、中医理疗</translation>
    </message>
    <message>
        <source>single service</source>
        <translation>单次服务</translation>
    </message>
    <message>
        <source>Offered (plans and the cashier list it)</source>
        <translation>在售（治疗方案和收银可选）</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Unit price:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <source>Sessions per course:</source>
        <translation>每疗程次数：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>No service items yet. Click &quot;New service item&quot; to add one.</source>
        <translation>还没有服务项目。点击“新建服务项目”添加。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>empty: the database file on this PC; or postgresql://user@server/lorch</source>
        <translation>留空：使用本机的数据库文件；或填写 postgresql://user@server/lorch</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <source>Lock the screen after</source>
        <translation>无操作自动锁屏</translation>
    </message>
    <message>
        <source>Language and database address take effect when Lorch Desk is started again.</source>
        <translation>语言和数据库地址在重新启动 Lorch Desk 后生效。</translation>
    </message>
</context>
<context>
    <name>ShipmentForm</name>
    <message>
        <source>New shipment</source>
        <translation>新建发货</translation>
    </message>
    <message>
        <source>To a customer</source>
        <translation>发给客户</translation>
    </message>
    <message>
        <source>To a branch</source>
        <translation>调拨至分中心</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>Blank: the customer</source>
        <translation>留空：客户本人</translation>
    </message>
    <message>
        <source>Blank: the address on the customer&apos;s file</source>
        <translation>留空：客户档案中的地址</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>To warehouse:</source>
        <translation>调入仓库：</translation>
    </message>
    <message>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>扫码或输入编码后回车</translation>
    </message>
    <message>
        <source>Blank: earliest expiry first</source>
        <translation>留空：先到期先出</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>earliest expiry</source>
        <translation>先到期先出</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Ship:</source>
        <translation>发往：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>品名：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批号：</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Shipment %1 saved to %2: %3.</source>
        <translation>发货单 %1 已保存，发往 %2：%3。</translation>
    </message>
</context>
<context>
    <name>ShipmentPage</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>To</source>
        <translation>发往</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Print delivery note…</source>
        <translation>打印发货单…</translation>
    </message>
    <message>
        <source>Print branch receipt note…</source>
        <translation>打印调拨签收单…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分中心</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Print delivery note</source>
        <translation>打印发货单</translation>
    </message>
    <message>
        <source>Choose a shipment a branch has received.</source>
        <translation>请选择一张分中心已签收的发货单。</translation>
    </message>
    <message>
        <source>Print branch receipt note</source>
        <translation>打印调拨签收单</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>StaffFilesBoxWidget</name>
    <message>
        <source>Certificates</source>
        <translation>资质证书</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size (KB)</source>
        <translation>大小（KB）</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Attach certificate…</source>
        <translation>添加证书…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save the profile, then attach certificates.</source>
        <translation>保存档案后即可添加证书。</translation>
    </message>
    <message>
        <source>No certificates yet. Click &quot;Attach certificate…&quot; to add a PDF or picture.</source>
        <translation>还没有证书。点击“添加证书…”添加 PDF 或图片。</translation>
    </message>
    <message>
        <source>Save the profile first.</source>
        <translation>请先保存档案。</translation>
    </message>
    <message>
        <source>Choose photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Attach certificate</source>
        <translation>添加证书</translation>
    </message>
    <message>
        <source>Certificates (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>证书 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
</context>
<context>
    <name>StaffTabWidget</name>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Health manager</source>
        <translation>健康管理师</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>药师</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>用工方式</translation>
    </message>
    <message>
        <source>Specialities</source>
        <translation>擅长领域</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>从业年限</translation>
    </message>
    <message>
        <source>New staff profile</source>
        <translation>新建人员档案</translation>
    </message>
    <message>
        <source>Full time</source>
        <translation>全职</translation>
    </message>
    <message>
        <source>e.g. gut health, sleep, nutrition</source>
        <translation>例如：肠道健康、睡眠、营养</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>(no login)</source>
        <translation>（无登录账号）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>岗位：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Employment:</source>
        <translation>用工方式：</translation>
    </message>
    <message>
        <source>Years of practice:</source>
        <translation>从业年限：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录账号：</translation>
    </message>
    <message>
        <source>Service area:</source>
        <translation>服务区域：</translation>
    </message>
    <message>
        <source>Specialities:</source>
        <translation>擅长领域：</translation>
    </message>
    <message>
        <source>Introduction:</source>
        <translation>个人简介：</translation>
    </message>
    <message>
        <source>Training history:</source>
        <translation>培训经历：</translation>
    </message>
    <message>
        <source>Success cases:</source>
        <translation>成功案例：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Read only: your role may view staff profiles but not change them.</source>
        <translation>只读：您的角色可以查看人员档案，但不能修改。</translation>
    </message>
    <message>
        <source>Part time</source>
        <translation>兼职</translation>
    </message>
    <message>
        <source>Your role may view staff profiles but not change them.</source>
        <translation>您的角色可以查看人员档案，但不能修改。</translation>
    </message>
    <message>
        <source>No staff profiles yet. Click &quot;New staff profile&quot; to add one.</source>
        <translation>还没有人员档案。点击“新建人员档案”添加。</translation>
    </message>
    <message>
        <source>No staff profiles yet.</source>
        <translation>还没有人员档案。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Code, barcode, name, pinyin initials or batch</source>
        <translation>编码、条码、品名、拼音首字母或批号</translation>
    </message>
    <message>
        <source>Near expiry only</source>
        <translation>仅看近效期</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Below reorder point</source>
        <translation>低于补货点</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es), value %1</source>
        <translation>
            <numerusform>共 %n 个批次，金额 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %1 are shown: search to narrow the list.</source>
        <translation>仅显示前 %1 条：请输入条件缩小范围。</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1（已过期）</translation>
    </message>
    <message>
        <source>%1 (near expiry)</source>
        <translation>%1（近效期）</translation>
    </message>
</context>
<context>
    <name>SuggestionPage</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Used in 3 months</source>
        <translation>近三个月消耗</translation>
    </message>
    <message>
        <source>By branch</source>
        <translation>各分中心消耗</translation>
    </message>
    <message>
        <source>Open requisitions</source>
        <translation>未发申请</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Central stock</source>
        <translation>总库房库存</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>在途采购</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议采购</translation>
    </message>
    <message>
        <source>Only what to buy</source>
        <translation>只列需采购</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
    </message>
    <message>
        <source>Suggested = use in the last three months + open requisitions + reorder point − usable central stock − still on order (seed 000: three-month sales cycle).</source>
        <translation>建议采购 = 近三个月消耗 + 未发申请 + 安全库存 − 总库房可用库存 − 在途采购（按三个月销售周期计算）。</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) to buy.</source>
        <translation>
            <numerusform>需采购 %n 种产品。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export purchase suggestion</source>
        <translation>导出采购建议</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>SurveyReportsBox</name>
    <message>
        <source>Third-party survey reports</source>
        <translation>第三方调查报告</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File report</source>
        <translation>归档报告(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Agency</source>
        <translation>调查机构(&amp;A)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查结论</translation>
    </message>
    <message>
        <source>Report file</source>
        <translation>报告文件</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>调查机构</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose the report&apos;s file first.</source>
        <translation>请先选择报告文件。</translation>
    </message>
    <message>
        <source>Report %1 filed.</source>
        <translation>报告 %1 已归档。</translation>
    </message>
    <message>
        <source>Survey report</source>
        <translation>调查报告</translation>
    </message>
    <message>
        <source>Reports (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>报告 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SuspendDialog</name>
    <message>
        <source>For the rest of today</source>
        <translation>今天剩余时间</translation>
    </message>
    <message>
        <source>For one day</source>
        <translation>一天</translation>
    </message>
    <message>
        <source>For one week</source>
        <translation>一周</translation>
    </message>
    <message>
        <source>Suspend %1</source>
        <translation>停诊 %1</translation>
    </message>
    <message>
        <source>e.g. satisfaction below 90 % in October</source>
        <translation>例如：10 月满意度低于 90%</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>停诊期限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Not connected to headquarters</source>
        <translation>未连接总部</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>needs resync</source>
        <translation>需要重新同步</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n 条待上传</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n 条被拒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncTabWidget</name>
    <message>
        <source>The table is unknown at headquarters.</source>
        <translation>总部不认识这张表。</translation>
    </message>
    <message>
        <source>Only headquarters may change this data.</source>
        <translation>只有总部可以修改这些数据。</translation>
    </message>
    <message>
        <source>The record belongs to another site.</source>
        <translation>该记录属于其他门店。</translation>
    </message>
    <message>
        <source>Entries of a ledger cannot be changed.</source>
        <translation>流水账的记录不能修改。</translation>
    </message>
    <message>
        <source>Headquarters does not have the record.</source>
        <translation>总部没有这条记录。</translation>
    </message>
    <message>
        <source>Headquarters could not store the record.</source>
        <translation>总部无法保存这条记录。</translation>
    </message>
    <message>
        <source>A record from headquarters clashes with a record of this node.</source>
        <translation>总部的一条记录与本节点的记录冲突。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>(not on this computer)</source>
        <translation>（不在本机）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Keep the kept value</source>
        <translation>保留现值</translation>
    </message>
    <message>
        <source>Apply the other value</source>
        <translation>改用另一个值</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>未处理的冲突</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rejected changes</source>
        <translation>被拒绝的修改</translation>
    </message>
    <message>
        <source>Settled: %1 of %2.</source>
        <translation>已处理：%2 的%1。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TemplateEditorWidget</name>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>可用占位符：%1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>TiersPage</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Spend from (yuan)</source>
        <translation>消费起点（元）</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>优惠%</translation>
    </message>
    <message>
        <source>Points per yuan</source>
        <translation>每元积分</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <source>Further rights</source>
        <translation>其他权益</translation>
    </message>
    <message>
        <source>Every quarter</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Every half-year</source>
        <translation>每半年</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>Save tiers</source>
        <translation>保存等级</translation>
    </message>
    <message>
        <source>Read only: headquarters sets the tiers for the whole chain.</source>
        <translation>只读：会员等级由总部统一设置。</translation>
    </message>
    <message>
        <source>Re-evaluate tiers:</source>
        <translation>会员等级评定周期：</translation>
    </message>
    <message>
        <source>A customer&apos;s tier is the highest whose spend threshold their cumulative spend (sales less refunds) reaches; the lowest tier starts at 0.</source>
        <translation>客户的会员等级为其累计消费（消费减去退款）所达到门槛的最高等级；最低等级从 0 起。</translation>
    </message>
    <message>
        <source>Headquarters sets the tiers for the whole chain.</source>
        <translation>会员等级由总部统一设置。</translation>
    </message>
    <message>
        <source>Tiers saved.</source>
        <translation>会员等级已保存。</translation>
    </message>
</context>
<context>
    <name>TreatmentPlanFormWidget</name>
    <message>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Notes: schedule, course, remarks</source>
        <translation>备注：安排、疗程等</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <source>Saved plans (newest version of each)</source>
        <translation>已保存的方案（每个显示最新版本）</translation>
    </message>
    <message>
        <source> (%1 sessions)</source>
        <translation>（%1 次）</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>The quantity must be a number above 0.</source>
        <translation>数量须为大于0的数字。</translation>
    </message>
    <message>
        <source>Total: ¥%1</source>
        <translation>合计：¥%1</translation>
    </message>
    <message>
        <source>Plan saved: total ¥%1.</source>
        <translation>方案已保存：合计 ¥%1。</translation>
    </message>
</context>
<context>
    <name>TriagePolicyBox</name>
    <message>
        <source>Triage policy of this site</source>
        <translation>本中心分诊规则</translation>
    </message>
    <message>
        <source>Minutes to accept an offer</source>
        <translation>接诊应答时限(分钟)</translation>
    </message>
    <message>
        <source>Minutes before a busy consultant&apos;s turn skips</source>
        <translation>忙碌咨询师跳诊前等候(分钟)</translation>
    </message>
    <message>
        <source>Extra minutes when the next one is busy too</source>
        <translation>下一位也忙时再等(分钟)</translation>
    </message>
    <message>
        <source>Longest wait in minutes</source>
        <translation>最长等候(分钟)</translation>
    </message>
    <message>
        <source>Unanswered calls before a skip</source>
        <translation>未接电话几次后跳诊</translation>
    </message>
    <message>
        <source>Follow-ups that keep a customer</source>
        <translation>保留客户所需有效回访次数</translation>
    </message>
    <message>
        <source>… within days</source>
        <translation>……统计天数</translation>
    </message>
    <message>
        <source>Arrivals count as turns until</source>
        <translation>到访占诊截止时间</translation>
    </message>
    <message>
        <source>Half-day shift changes at</source>
        <translation>半天班交接时间</translation>
    </message>
    <message>
        <source>Save policy</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>The seed&apos;s numbers.</source>
        <translation>默认规则。</translation>
    </message>
    <message>
        <source>Changed for this site.</source>
        <translation>本中心已修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TriageTabWidget</name>
    <message>
        <source>Offer next (F5)</source>
        <translation>分诊下一位 (F5)</translation>
    </message>
    <message>
        <source>Call unanswered (F6)</source>
        <translation>电话未接 (F6)</translation>
    </message>
    <message>
        <source>Direct to…  (F7)</source>
        <translation>点诊… (F7)</translation>
    </message>
    <message>
        <source>Correct arrival…</source>
        <translation>更正到访…</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Leave rotation</source>
        <translation>退出轮排</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>停诊…</translation>
    </message>
    <message>
        <source>Full day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Morning only</source>
        <translation>仅上午</translation>
    </message>
    <message>
        <source>Afternoon only</source>
        <translation>仅下午</translation>
    </message>
    <message>
        <source>Join rotation</source>
        <translation>加入轮排</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>Triage policy…</source>
        <translation>分诊规则…</translation>
    </message>
    <message>
        <source>Waiting customers</source>
        <translation>等候客户</translation>
    </message>
    <message>
        <source>Consultants on duty</source>
        <translation>当班咨询师</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日已接诊</translation>
    </message>
    <message>
        <source>main</source>
        <translation>大轮排</translation>
    </message>
    <message>
        <source>small</source>
        <translation>小轮排</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Next turn — main rotation: %1 · small rotation: %2 · waiting: %3</source>
        <translation>下一轮 — 大轮排:%1 · 小轮排:%2 · 等候:%3 人</translation>
    </message>
    <message>
        <source>Select the customer whose consultant did not answer.</source>
        <translation>请选择咨询师未接电话的客户。</translation>
    </message>
    <message>
        <source>Select the waiting customer to direct.</source>
        <translation>请选择要点诊的等候客户。</translation>
    </message>
    <message>
        <source>Select a consultant first.</source>
        <translation>请先选择一位咨询师。</translation>
    </message>
    <message>
        <source>Choose who joins the rotation.</source>
        <translation>请选择加入轮排的咨询师。</translation>
    </message>
    <message>
        <source>Select the received customer to reassign.</source>
        <translation>请选择要改派的已接诊客户。</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>点诊</translation>
    </message>
    <message>
        <source>Give the customer to:</source>
        <translation>将客户分给:</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>As the supervisor, confirm that %1 goes to %2?</source>
        <translation>作为主管,确认将 %1 改派给 %2?</translation>
    </message>
    <message>
        <source>Triage policy</source>
        <translation>分诊规则</translation>
    </message>
    <message>
        <source>Select the arrival to correct.</source>
        <translation>请选择要更正的到访登记。</translation>
    </message>
</context>
<context>
    <name>UsersTabWidget</name>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Your role may see user accounts but not change them.</source>
        <translation>您的角色可以查看用户账号，但不能修改。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No user accounts yet. Click &quot;New user…&quot; to add one.</source>
        <translation>还没有用户账号。点击“新建用户…”添加。</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>The new user can log in now.</source>
        <translation>新用户现在可以登录了。</translation>
    </message>
    <message>
        <source>The new password is set.</source>
        <translation>新密码已设置。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable the login of {name} ({username})? They cannot log in until it is enabled again.</source>
        <translation>停用 {name}（{username}）的登录账号？重新启用之前，该用户无法登录。</translation>
    </message>
    <message>
        <source>Enable user</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Enable the login of {name} ({username}) again?</source>
        <translation>重新启用 {name}（{username}）的登录账号？</translation>
    </message>
</context>
<context>
    <name>VisitSurveyBox</name>
    <message>
        <source>Survey after a visit</source>
        <translation>到访后满意度调查</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (worst) to %2 (best)</source>
        <translation>%1（最差）到 %2（最好）</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;onsultant</source>
        <translation>咨询师(&amp;O)</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>评语(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save survey</source>
        <translation>保存调查(&amp;S)</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Survey of %1 saved: %2 points, %3.</source>
        <translation>%1 的调查已保存：%2 分，%3。</translation>
    </message>
</context>
<context>
    <name>WarehouseTabWidget</name>
    <message>
        <source>Stock on hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Purchase receipts</source>
        <translation>采购入库</translation>
    </message>
    <message>
        <source>Stock counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation>销毁</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Requisitions</source>
        <translation>营养素申请</translation>
    </message>
    <message>
        <source>Purchase suggestion</source>
        <translation>采购建议</translation>
    </message>
    <message>
        <source>Dispensing</source>
        <translation>发药</translation>
    </message>
    <message>
        <source>Warehouse:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <source>No warehouse is set up for this site yet.</source>
        <translation>本中心尚未设置仓库。</translation>
    </message>
</context>
<context>
    <name>_UserAccountDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>lowercase letters and digits, e.g. wangfang</source>
        <translation>小写字母和数字，例如 wangfang</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {name} ({username}):</source>
        <translation>{name}（{username}）的新密码：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致。请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>cashier</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Deposit refund</source>
        <translation>退定金</translation>
    </message>
    <message>
        <source>Stored-value top-up</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <source>Stored-value refund</source>
        <translation>储值退款</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>疗程</translation>
    </message>
    <message>
        <source>Course session</source>
        <translation>疗程次</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>白金卡</translation>
    </message>
    <message>
        <source>Premier</source>
        <translation>尊享</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>渠道商</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>400 hotline</source>
        <translation>400热线</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medical history</source>
        <translation>既往病史</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <source>Family history</source>
        <translation>家族史</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Following up</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到院</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>面谈</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>复诊</translation>
    </message>
    <message>
        <source>Report reading</source>
        <translation>报告解读</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已到诊</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>初诊</translation>
    </message>
    <message>
        <source>Revisit / recheck</source>
        <translation>复诊/复查</translation>
    </message>
    <message>
        <source>Repeat purchase</source>
        <translation>再消费</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Post-op recheck</source>
        <translation>术后复查</translation>
    </message>
    <message>
        <source>Stitch removal</source>
        <translation>拆线</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Clinic&apos;s special gift</source>
        <translation>医院特殊赠送</translation>
    </message>
    <message>
        <source>Event gift</source>
        <translation>活动赠送</translation>
    </message>
    <message>
        <source>first time at the clinic</source>
        <translation>第一次到院</translation>
    </message>
    <message>
        <source>consulted before but never bought</source>
        <translation>曾到院咨询但未消费</translation>
    </message>
    <message>
        <source>bought before</source>
        <translation>曾消费</translation>
    </message>
    <message>
        <source>a session of an open course</source>
        <translation>疗程中的一次治疗</translation>
    </message>
    <message>
        <source>post-op recheck</source>
        <translation>术后复查</translation>
    </message>
    <message>
        <source>clinic&apos;s special gift</source>
        <translation>医院特殊赠送</translation>
    </message>
    <message>
        <source>event gift</source>
        <translation>活动赠送</translation>
    </message>
    <message>
        <source>aged 10 to 18 without a parent</source>
        <translation>10至18岁且无家长陪同</translation>
    </message>
    <message>
        <source>refused to leave details</source>
        <translation>拒绝留下资料</translation>
    </message>
    <message>
        <source>transferred from dental or hair</source>
        <translation>口腔科或毛发科转诊</translation>
    </message>
    <message>
        <source>stitch removal</source>
        <translation>拆线</translation>
    </message>
    <message>
        <source>over 70</source>
        <translation>年龄超过70岁</translation>
    </message>
    <message>
        <source>known mental illness</source>
        <translation>已知精神疾病</translation>
    </message>
    <message>
        <source>Referral naming a consultant</source>
        <translation>老客户介绍并指定咨询师</translation>
    </message>
    <message>
        <source>Pre-booked by the consultant</source>
        <translation>咨询师预约</translation>
    </message>
    <message>
        <source>Returning customer of the owning consultant</source>
        <translation>所属咨询师的老客户</translation>
    </message>
    <message>
        <source>Main rotation</source>
        <translation>大轮排</translation>
    </message>
    <message>
        <source>Small rotation</source>
        <translation>小轮排</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>待应答</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停诊</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>未当班</translation>
    </message>
    <message>
        <source>Dental</source>
        <translation>口腔科</translation>
    </message>
    <message>
        <source>Hair</source>
        <translation>毛发科</translation>
    </message>
    <message>
        <source>Deal closed</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未成交</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格原因</translation>
    </message>
    <message>
        <source>Wants to think it over</source>
        <translation>考虑一下</translation>
    </message>
    <message>
        <source>Comparing other clinics</source>
        <translation>比较其他机构</translation>
    </message>
    <message>
        <source>Must discuss with family</source>
        <translation>需与家人商量</translation>
    </message>
    <message>
        <source>Doubts about the result</source>
        <translation>对效果有顾虑</translation>
    </message>
    <message>
        <source>Not suitable medically</source>
        <translation>身体条件不适合</translation>
    </message>
    <message>
        <source>Only gathering information</source>
        <translation>仅了解信息</translation>
    </message>
    <message>
        <source>Other (see note)</source>
        <translation>其他（见说明）</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接诊</translation>
    </message>
    <message>
        <source>Directed</source>
        <translation>点诊</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Western / nutrients</source>
        <translation>西药 / 营养素</translation>
    </message>
    <message>
        <source>TCM herbal</source>
        <translation>中药饮片</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Awaiting dispensing</source>
        <translation>待调剂</translation>
    </message>
    <message>
        <source>Dispensed</source>
        <translation>已调剂</translation>
    </message>
    <message>
        <source>After a purchase</source>
        <translation>消费后</translation>
    </message>
    <message>
        <source>After a treatment plan</source>
        <translation>制定治疗方案后</translation>
    </message>
    <message>
        <source>Consulted without buying</source>
        <translation>咨询未成交</translation>
    </message>
    <message>
        <source>After a visit</source>
        <translation>到访后</translation>
    </message>
    <message>
        <source>Planned by an earlier call</source>
        <translation>前次回访安排</translation>
    </message>
    <message>
        <source>Top customer of the month</source>
        <translation>月度消费前10名</translation>
    </message>
    <message>
        <source>Reached the customer</source>
        <translation>已联系到客户</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Line busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Customer declined to talk</source>
        <translation>客户拒绝沟通</translation>
    </message>
    <message>
        <source>The customer&apos;s consultant</source>
        <translation>客户所属咨询师</translation>
    </message>
    <message>
        <source>Customer-service desk</source>
        <translation>客服部</translation>
    </message>
    <message>
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <source>Effect of the service</source>
        <translation>服务效果</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Follow-up service</source>
        <translation>后续服务跟进</translation>
    </message>
    <message>
        <source>Problem solving</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>Keep on the rotation</source>
        <translation>继续轮排</translation>
    </message>
    <message>
        <source>Suspend for a week</source>
        <translation>停诊一周</translation>
    </message>
    <message>
        <source>Move off the post</source>
        <translation>调离岗位</translation>
    </message>
    <message>
        <source>Too few surveys</source>
        <translation>样本不足</translation>
    </message>
</context>
<context>
    <name>customer_class</name>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Returning customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>Potential customer</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>one purchase (one or more items at once)</source>
        <translation>一次性消费（一次购买一个或多个项目）</translation>
    </message>
    <message>
        <source>a deposit, then the payment of what it reserved</source>
        <translation>先交定金，后支付所预留项目</translation>
    </message>
    <message>
        <source>a deposit paid, treatment not yet paid</source>
        <translation>已交定金，治疗费用未付</translation>
    </message>
    <message>
        <source>sessions of a course paid visit by visit</source>
        <translation>疗程按次分次交费</translation>
    </message>
    <message>
        <source>separate purchases on one date</source>
        <translation>同一日期不同时间消费</translation>
    </message>
    <message>
        <source>the same item bought on different dates</source>
        <translation>不同日期消费同一项目</translation>
    </message>
    <message>
        <source>purchases on different dates</source>
        <translation>不同日期消费多个项目</translation>
    </message>
    <message>
        <source>consulted at the clinic, bought nothing</source>
        <translation>到院咨询未消费</translation>
    </message>
    <message>
        <source>inquired, never came</source>
        <translation>咨询后未到院</translation>
    </message>
    <message>
        <source>no inquiry, visit or purchase recorded</source>
        <translation>无咨询、到院或消费记录</translation>
    </message>
</context>
<context>
    <name>customer_service</name>
    <message>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Plan in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Cause analysed</source>
        <translation>已分析原因</translation>
    </message>
    <message>
        <source>Summarised</source>
        <translation>已总结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Investigation note</source>
        <translation>调查记录</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>处理方案</translation>
    </message>
    <message>
        <source>Progress told to the customer</source>
        <translation>向客户反馈进度</translation>
    </message>
    <message>
        <source>Result signed by the customer</source>
        <translation>客户签字确认结果</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Consultant suspended for a day</source>
        <translation>咨询师停诊一天</translation>
    </message>
    <message>
        <source>Within my own authority</source>
        <translation>本人权限内处理</translation>
    </message>
    <message>
        <source>Escalated to the supervisor</source>
        <translation>上报主管</translation>
    </message>
    <message>
        <source>Signed on the printed form</source>
        <translation>在打印的投诉单上签字</translation>
    </message>
    <message>
        <source>Signature drawn on screen</source>
        <translation>在屏幕上签名</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>沟通</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Test report</source>
        <translation>检测报告</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Product sales</source>
        <translation>产品销售</translation>
    </message>
    <message>
        <source>Keeping in touch</source>
        <translation>日常关怀</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>待回电</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>客户拒绝</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>近 12 周</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Outcome</source>
        <translation>咨询结果</translation>
    </message>
    <message>
        <source>Reason not closed</source>
        <translation>未成交原因</translation>
    </message>
    <message>
        <source>Note on the reason</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>单次用量</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Grams per dose</source>
        <translation>每剂克数</translation>
    </message>
    <message>
        <source>Number of doses</source>
        <translation>剂数</translation>
    </message>
    <message>
        <source>Decoction</source>
        <translation>煎法</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Sessions per course</source>
        <translation>疗程次数</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Institution name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Income level</source>
        <translation>收入水平</translation>
    </message>
    <message>
        <source>Member type</source>
        <translation>会员类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>开发人员</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>介绍人</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Tier code</source>
        <translation>等级代码</translation>
    </message>
    <message>
        <source>Tier name</source>
        <translation>等级名称</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Spend from</source>
        <translation>消费起点</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠比例</translation>
    </message>
    <message>
        <source>Points per yuan</source>
        <translation>每元积分</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <source>Invited tiers</source>
        <translation>邀请的会员等级</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Partner merchant</source>
        <translation>合作商家</translation>
    </message>
    <message>
        <source>Tier discounts</source>
        <translation>等级优惠</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>短信服务</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>中心代码</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>中心名称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Years of practice</source>
        <translation>从业年限</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Required fields</source>
        <translation>必填项</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <source>Specialities</source>
        <translation>擅长领域</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录账号</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>个人简介</translation>
    </message>
    <message>
        <source>Training history</source>
        <translation>培训经历</translation>
    </message>
    <message>
        <source>Success cases</source>
        <translation>成功案例</translation>
    </message>
    <message>
        <source>Cooperation mode</source>
        <translation>合作方式</translation>
    </message>
    <message>
        <source>Cooperation project</source>
        <translation>合作项目</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Form completed at</source>
        <translation>咨询单完成时间</translation>
    </message>
    <message>
        <source>Named consultant</source>
        <translation>指定咨询师</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>是否占诊</translation>
    </message>
    <message>
        <source>Visit class</source>
        <translation>到访类型</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Inquiry item</source>
        <translation>咨询项目</translation>
    </message>
    <message>
        <source>Minutes to accept an offer</source>
        <translation>接诊应答时限</translation>
    </message>
    <message>
        <source>Minutes before a busy turn skips</source>
        <translation>忙碌跳诊时限</translation>
    </message>
    <message>
        <source>Extra minutes</source>
        <translation>追加等候时间</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等候时间</translation>
    </message>
    <message>
        <source>Unanswered calls before a skip</source>
        <translation>未接电话跳诊次数</translation>
    </message>
    <message>
        <source>Follow-ups that keep a customer</source>
        <translation>保留客户所需回访次数</translation>
    </message>
    <message>
        <source>Follow-up window in days</source>
        <translation>回访统计天数</translation>
    </message>
    <message>
        <source>Turns count until</source>
        <translation>占诊截止时间</translation>
    </message>
    <message>
        <source>Half-day change</source>
        <translation>半天班交接时间</translation>
    </message>
    <message>
        <source>Arrived from</source>
        <translation>到访日期从</translation>
    </message>
    <message>
        <source>Arrived to</source>
        <translation>到访日期至</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>Intake type</source>
        <translation>受理类型</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Suspended until</source>
        <translation>停诊至</translation>
    </message>
    <message>
        <source>Appointment time</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Contact method</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Consultant or doctor</source>
        <translation>咨询师或医生</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>咨询记录</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Purchase order line</source>
        <translation>采购订单行</translation>
    </message>
    <message>
        <source>Counted quantity</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>监销人</translation>
    </message>
    <message>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Count number</source>
        <translation>盘点单号</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>疗程</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>收银单</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Received quantity</source>
        <translation>实收数量</translation>
    </message>
    <message>
        <source>Damaged quantity</source>
        <translation>破损数量</translation>
    </message>
    <message>
        <source>Shipment line</source>
        <translation>发货明细</translation>
    </message>
    <message>
        <source>Days after the event</source>
        <translation>间隔天数</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Call again in</source>
        <translation>再次回访间隔</translation>
    </message>
    <message>
        <source>Effective follow-up</source>
        <translation>有效回访</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Survey agency</source>
        <translation>调查机构</translation>
    </message>
    <message>
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <source>Effect of the service</source>
        <translation>服务效果</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Follow-up service</source>
        <translation>后续服务跟进</translation>
    </message>
    <message>
        <source>Problem solving</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>Partner institution</source>
        <translation>合作机构</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度反馈</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Customer&apos;s sign-off</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Staff complained about</source>
        <translation>被投诉人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Time received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>通话主题</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>Time of the call</source>
        <translation>通话时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>呼叫方向</translation>
    </message>
    <message>
        <source>Courtesy</source>
        <translation>礼貌用语</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>业务知识</translation>
    </message>
    <message>
        <source>Problem solved</source>
        <translation>问题已解决</translation>
    </message>
    <message>
        <source>Process followed</source>
        <translation>遵守流程</translation>
    </message>
    <message>
        <source>{field} must be a number above 0.</source>
        <translation>{field}须为大于0的数字。</translation>
    </message>
    <message>
        <source>{field} may be at most {maximum}.</source>
        <translation>{field}最多为 {maximum}。</translation>
    </message>
    <message>
        <source>{field}: the chosen entry no longer exists.</source>
        <translation>{field}：所选条目已不存在。</translation>
    </message>
    <message>
        <source>{field}: herbs go on TCM prescriptions, other products on western ones.</source>
        <translation>{field}：中药饮片只能开在中药处方上，其他药品开在西药处方上。</translation>
    </message>
    <message>
        <source>{field}: at most {maximum} lines.</source>
        <translation>{field}：最多 {maximum} 行。</translation>
    </message>
    <message>
        <source>{field} must not be negative.</source>
        <translation>{field}不能为负数。</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <source>{field} must be a Chinese mobile number: 11 digits starting with 1, e.g. 13800138000.</source>
        <translation>{field}必须是中国大陆手机号：以 1 开头的 11 位数字，例如 13800138000。</translation>
    </message>
    <message>
        <source>{field} must be an 18-character resident ID number with a valid check digit.</source>
        <translation>{field}必须是校验位正确的 18 位居民身份证号。</translation>
    </message>
    <message>
        <source>The birthday does not match the birthday in the ID number.</source>
        <translation>生日与身份证号中的出生日期不一致。</translation>
    </message>
    <message>
        <source>{field} must be an e-mail address such as name@example.com.</source>
        <translation>{field}必须是邮箱地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>{field} may have at most {maximum} characters.</source>
        <translation>{field}最多 {maximum} 个字符。</translation>
    </message>
    <message>
        <source>{field} must lie between 1900 and today.</source>
        <translation>{field}必须在 1900 年到今天之间。</translation>
    </message>
    <message>
        <source>This card number already belongs to another customer.</source>
        <translation>此卡号已属于另一位客户。</translation>
    </message>
    <message>
        <source>{field} contains characters that are not allowed.</source>
        <translation>{field}包含不允许的字符。</translation>
    </message>
    <message>
        <source>{field} must be one of the listed values.</source>
        <translation>{field}必须从列表中选择。</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>The password must contain both letters and digits.</source>
        <translation>密码必须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>The user name must be 2 to 40 lowercase letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation>用户名须为 2 到 40 个小写字母、数字、点、短横线或下划线，并以字母开头。</translation>
    </message>
    <message>
        <source>{field} is already taken.</source>
        <translation>{field}已被占用。</translation>
    </message>
    <message>
        <source>The site code must be 2 to 6 capital letters, e.g. BJ.</source>
        <translation>中心代码须为 2 到 6 个大写字母，例如 BJ。</translation>
    </message>
    <message>
        <source>{field} must be a date such as 2026-11-23.</source>
        <translation>{field}必须是日期，例如 2026-11-23。</translation>
    </message>
    <message>
        <source>{field} must be a whole number.</source>
        <translation>{field}必须是整数。</translation>
    </message>
    <message>
        <source>{field} must be between {minimum} and {maximum}.</source>
        <translation>{field}必须在 {minimum} 到 {maximum} 之间。</translation>
    </message>
    <message>
        <source>This kind of file is not accepted here.</source>
        <translation>此处不接受这种类型的文件。</translation>
    </message>
    <message>
        <source>The file is too large (at most {maximum_mb} MB).</source>
        <translation>文件太大（最大 {maximum_mb} MB）。</translation>
    </message>
    <message>
        <source>{field} names a field that does not exist.</source>
        <translation>{field}不是有效的字段。</translation>
    </message>
    <message>
        <source>{field} must not lie before the start date.</source>
        <translation>{field}不能早于开始日期。</translation>
    </message>
    <message>
        <source>{field} must be yes or no.</source>
        <translation>{field}只能为是或否。</translation>
    </message>
    <message>
        <source>{field} is not a filter of this report.</source>
        <translation>{field}不是此报表的筛选条件。</translation>
    </message>
    <message>
        <source>{field} cannot lie in the future.</source>
        <translation>{field}不能晚于现在。</translation>
    </message>
    <message>
        <source>A turn that does not count needs its reason and the consultant named.</source>
        <translation>不占诊须同时填写原因和指定咨询师。</translation>
    </message>
    <message>
        <source>{field} must be a time such as 13:00.</source>
        <translation>{field}须为时间,例如 13:00。</translation>
    </message>
    <message>
        <source>{field} is not an active member of staff.</source>
        <translation>{field}不是在职员工。</translation>
    </message>
    <message>
        <source>{field} must be an active consultant.</source>
        <translation>{field}必须是在职咨询师。</translation>
    </message>
    <message>
        <source>The customer of this inquiry has already arrived.</source>
        <translation>该咨询的客户已经到院。</translation>
    </message>
    <message>
        <source>This inquiry belongs to another customer.</source>
        <translation>该咨询属于另一位客户。</translation>
    </message>
    <message>
        <source>Pre-booked needs the consultant&apos;s own inquiry with surname, phone, channel and item.</source>
        <translation>“咨询师预约”需要该咨询师本人登记且含姓氏、电话、渠道和咨询项目的咨询记录。</translation>
    </message>
    <message>
        <source>The end must come after the start, at most 8 hours later.</source>
        <translation>结束时间必须晚于开始时间，且最长 8 小时。</translation>
    </message>
    <message>
        <source>{field} lies in the past.</source>
        <translation>{field}已经过去。</translation>
    </message>
    <message>
        <source>{field} cannot be booked.</source>
        <translation>{field}不可预约。</translation>
    </message>
    <message>
        <source>Register the customer (or pick them) before checking in.</source>
        <translation>请先登记（或选择）客户档案再办理到诊。</translation>
    </message>
    <message>
        <source>This message was already sent.</source>
        <translation>该短信已发送。</translation>
    </message>
    <message>
        <source>{field}: {placeholder} is not a known placeholder; use {allowed}.</source>
        <translation>{field}：{placeholder} 不是可用的占位符；请使用 {allowed}。</translation>
    </message>
    <message>
        <source>{field}: every {{ needs its }}; write placeholders such as {allowed}.</source>
        <translation>{field}：每个 {{ 都须有对应的 }}；占位符写法如 {allowed}。</translation>
    </message>
    <message>
        <source>No customer to send to: all were greeted already or have no mobile.</source>
        <translation>没有可发送的客户：所有客户均已发送过祝福或没有手机号。</translation>
    </message>
    <message>
        <source>{field} is no longer in use.</source>
        <translation>{field}已停用。</translation>
    </message>
    <message>
        <source>The tier code must be 1 to 20 lowercase letters, digits or underscores, starting with a letter, e.g. platinum.</source>
        <translation>等级代码须为 1 到 20 个小写字母、数字或下划线，并以字母开头，例如 platinum。</translation>
    </message>
    <message>
        <source>The lowest tier must start at a spend of 0, so that every customer has a tier.</source>
        <translation>最低等级的消费起点必须为 0，以保证每位客户都有等级。</translation>
    </message>
    <message>
        <source>Two tiers have the rank {rank}; ranks must differ.</source>
        <translation>有两个等级的级别都是 {rank}；各等级的级别不能相同。</translation>
    </message>
    <message>
        <source>{higher} must start at a higher spend than {lower}: thresholds rise with rank.</source>
        <translation>{higher}的消费起点必须高于{lower}：级别越高，门槛越高。</translation>
    </message>
    <message>
        <source>{field} may have at most {places} decimal places.</source>
        <translation>{field}最多保留 {places} 位小数。</translation>
    </message>
    <message>
        <source>Customers hold the tier {code}: move them to another tier before removing it.</source>
        <translation>仍有客户属于等级 {code}：请先将他们调整到其他等级，再删除该等级。</translation>
    </message>
    <message>
        <source>The customer is already in this tier.</source>
        <translation>客户已经是该等级。</translation>
    </message>
    <message>
        <source>{period} has not ended yet: re-evaluate a period after its last day.</source>
        <translation>{period}尚未结束：请在考核期最后一天之后再进行评定。</translation>
    </message>
    <message>
        <source>A later period has already been re-evaluated; {period} cannot be run again.</source>
        <translation>之后的考核期已评定过，{period}不能再评定。</translation>
    </message>
    <message>
        <source>No tiers are configured: headquarters sets them up first.</source>
        <translation>尚未设置会员等级：请先由总部设置。</translation>
    </message>
    <message>
        <source>A customer cannot refer themselves.</source>
        <translation>客户不能推荐自己。</translation>
    </message>
    <message>
        <source>This member has already signed in.</source>
        <translation>该会员已签到。</translation>
    </message>
    <message>
        <source>{field} needs a time zone.</source>
        <translation>{field}缺少时区。</translation>
    </message>
    <message>
        <source>{field}: whole days from 1 to 365, separated by commas, at most ten.</source>
        <translation>{field}：须为 1 到 365 的整天数，用逗号分隔，最多十个。</translation>
    </message>
    <message>
        <source>Two rules name the same event and category; keep one.</source>
        <translation>有两条规则的触发事件和项目类别相同，请只保留一条。</translation>
    </message>
    <message>
        <source>Only a call that reached the customer can count as an effective follow-up.</source>
        <translation>只有联系到客户的回访才能算作有效回访。</translation>
    </message>
    <message>
        <source>This follow-up call has already been made.</source>
        <translation>该回访已完成。</translation>
    </message>
    <message>
        <source>This consultant&apos;s satisfaction that month does not call for a suspension.</source>
        <translation>该咨询师当月满意度未达到停诊条件。</translation>
    </message>
    <message>
        <source>This consultant was already suspended for that month&apos;s satisfaction.</source>
        <translation>该咨询师已因当月满意度停诊过。</translation>
    </message>
    <message>
        <source>The customer no longer belongs to this consultant: too few effective follow-up calls in the last three months. Queue them normally, unless the customer remembers the consultant.</source>
        <translation>该客户已不再属于这位咨询师：近三个月有效回访次数不足。请按正常流程排队分诊，除非客户记得原咨询师。</translation>
    </message>
    <message>
        <source>{field} must be a number, e.g. 12 or 2.5.</source>
        <translation>{field}必须是数字，例如 12 或 2.5。</translation>
    </message>
    <message>
        <source>{field} must be at least {minimum}.</source>
        <translation>{field}不能小于 {minimum}。</translation>
    </message>
    <message>
        <source>{field}: this batch has already expired.</source>
        <translation>{field}：该批次已过期。</translation>
    </message>
    <message>
        <source>More {product} received than is still outstanding on the order.</source>
        <translation>{product}的入库数量超过订单未到货数量。</translation>
    </message>
    <message>
        <source>{lines} line(s) are not counted yet or wait for a recount.</source>
        <translation>还有 {lines} 行未盘点或待复盘。</translation>
    </message>
    <message>
        <source>The witness must be someone other than the person destroying the goods.</source>
        <translation>监销人不能是执行销毁的本人。</translation>
    </message>
    <message>
        <source>Goods cannot move to where they already are.</source>
        <translation>调出和调入库位不能相同。</translation>
    </message>
    <message>
        <source>Not enough usable {product} in stock: {available} there, {requested} asked for.</source>
        <translation>{product}可用库存不足：现有 {available}，需要 {requested}。</translation>
    </message>
    <message>
        <source>{product} is not a nutrient: branches requisition nutrients only.</source>
        <translation>{product}不是营养素：分中心只能申请营养素。</translation>
    </message>
    <message>
        <source>{product}: more damaged than received or shipped.</source>
        <translation>{product}：破损数量超过实收或发出数量。</translation>
    </message>
    <message>
        <source>{field}: this line is not on the shipment.</source>
        <translation>{field}：该明细不在此发货单上。</translation>
    </message>
    <message>
        <source>The supplier or warehouse differs from the purchase order&apos;s.</source>
        <translation>供应商或仓库与采购订单不一致。</translation>
    </message>
    <message>
        <source>The sheet needs the columns 条码 (or 编码) and 实盘数量 in its first row.</source>
        <translation>表格第一行须包含“条码”（或“编码”）和“实盘数量”列。</translation>
    </message>
    <message>
        <source>An escalated complaint goes to a supervisor (a branch manager).</source>
        <translation>上报的投诉须交给一位主管（店长）。</translation>
    </message>
    <message>
        <source>A service-attitude complaint has the cause service.</source>
        <translation>服务态度投诉的原因应为“服务”。</translation>
    </message>
    <message>
        <source>Only a complaint whose cause is the service attitude of a named staff member suspends them, once.</source>
        <translation>只有原因是指定员工服务态度的投诉，才会对该员工停诊，且仅一次。</translation>
    </message>
    <message>
        <source>A saved document is never edited; save a correction as a new version.</source>
        <translation>已保存的单据不能修改，请保存更正为新版本。</translation>
    </message>
    <message>
        <source>A newer version of this document exists; correct the newest one.</source>
        <translation>该单据已有更新的版本，请更正最新版本。</translation>
    </message>
    <message>
        <source>This prescription is signed and final; it cannot be changed or signed again.</source>
        <translation>该处方已签名生效，不能再修改或重复签名。</translation>
    </message>
    <message>
        <source>Your role is not allowed to do this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>Wrong user name or password. {tries_left} tries left before the account is locked.</source>
        <translation>用户名或密码错误。再输错 {tries_left} 次，账号将被锁定。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} minutes.</source>
        <translation>密码错误次数过多：该账号已锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Saved history cannot be changed; add a correcting entry instead.</source>
        <translation>已保存的历史记录不能修改，请新增一条更正记录。</translation>
    </message>
    <message>
        <source>Saved records cannot be deleted.</source>
        <translation>已保存的记录不能删除。</translation>
    </message>
    <message>
        <source>This change is not allowed.</source>
        <translation>不允许进行此项修改。</translation>
    </message>
    <message>
        <source>This database has already been set up.</source>
        <translation>此数据库已经初始化。</translation>
    </message>
    <message>
        <source>This database has not been set up yet.</source>
        <translation>此数据库尚未初始化。</translation>
    </message>
    <message>
        <source>These two customers cannot be merged.</source>
        <translation>这两位客户不能合并。</translation>
    </message>
    <message>
        <source>A customer with the same details already exists.</source>
        <translation>已存在资料相同的客户。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reopen it and try again.</source>
        <translation>其他人刚刚修改了此记录。请重新打开后再试。</translation>
    </message>
    <message>
        <source>No Chinese font was found for printing. Install Microsoft YaHei (Windows) or fonts-wqy-microhei (Linux).</source>
        <translation>找不到可用于打印的中文字体。请安装微软雅黑（Windows）或 fonts-wqy-microhei（Linux）。</translation>
    </message>
    <message>
        <source>The backup could not be made: {path}</source>
        <translation>无法创建备份：{path}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>A saved arrival cannot be changed or deleted; record a correction instead.</source>
        <translation>已保存的到访登记不能修改或删除;请登记一条更正。</translation>
    </message>
    <message>
        <source>This arrival was corrected meanwhile; correct the newest record.</source>
        <translation>该到访登记已被更正;请更正最新的一条。</translation>
    </message>
    <message>
        <source>This consultant is not on today&apos;s rotation.</source>
        <translation>该咨询师不在今日轮排中。</translation>
    </message>
    <message>
        <source>This customer is not in today&apos;s queue.</source>
        <translation>该客户不在今日分诊队列中。</translation>
    </message>
    <message>
        <source>This offer is no longer open: it timed out, passed to the next consultant, or the customer was received by someone else.</source>
        <translation>该分诊已失效:已超时、已转给下一位咨询师,或客户已被他人接诊。</translation>
    </message>
    <message>
        <source>This consultant cannot receive a customer now (off duty or suspended).</source>
        <translation>该咨询师现在不能接诊(未当班或停诊中)。</translation>
    </message>
    <message>
        <source>This consultant is already on the rotation.</source>
        <translation>该咨询师已在轮排中。</translation>
    </message>
    <message>
        <source>This arrival is already in the queue.</source>
        <translation>该到访已在分诊队列中。</translation>
    </message>
    <message>
        <source>This customer already has a consultant; change it by a reassignment.</source>
        <translation>该客户已有咨询师接诊;如需更换请改派。</translation>
    </message>
    <message>
        <source>This customer has not been received by a consultant yet.</source>
        <translation>该客户尚未被咨询师接诊。</translation>
    </message>
    <message>
        <source>Every reassignment is confirmed by a supervisor.</source>
        <translation>每次改派都须由主管确认。</translation>
    </message>
    <message>
        <source>Without the customer&apos;s signed consent, the supervisor and the director check first.</source>
        <translation>客户未签署同意书时,须先由主管和总监核查。</translation>
    </message>
    <message>
        <source>Another workstation acted at the same moment. Try again.</source>
        <translation>另一台工作站同时进行了操作,请重试。</translation>
    </message>
    <message>
        <source>The day&apos;s triage record is inconsistent; ask the administrator.</source>
        <translation>今日分诊记录不一致,请联系管理员。</translation>
    </message>
    <message>
        <source>{field} is already booked from {starts} to {ends} ({customer_name}).</source>
        <translation>{field}在 {starts} 至 {ends} 已有预约（{customer_name}）。</translation>
    </message>
    <message>
        <source>Appointment {number} is no longer open (it was checked in or cancelled).</source>
        <translation>预约 {number} 已到诊或已取消，不能再修改。</translation>
    </message>
    <message>
        <source>Not enough {product} (batch {batch}) at {location}: {available} there, {requested} asked for.</source>
        <translation>{location}的{product}（批号 {batch}）库存不足：现有 {available}，需要 {requested}。</translation>
    </message>
    <message>
        <source>No product has the code {barcode}.</source>
        <translation>没有编码或条码为 {barcode} 的产品。</translation>
    </message>
    <message>
        <source>{product} is not on this count&apos;s sheet.</source>
        <translation>{product}不在本次盘点表中。</translation>
    </message>
    <message>
        <source>{number} cannot do this in its present state ({state}).</source>
        <translation>{number} 当前状态（{state}）不允许此操作。</translation>
    </message>
    <message>
        <source>Requisition {number} is not at this step: a requisition is requested, approved, shipped and received, in this order and each once; a rejected one goes no further.</source>
        <translation>申请单 {number} 当前不能进行此步骤：申请单须依次经过申请、审批、发货和签收，每步一次；已驳回的申请单不能继续。</translation>
    </message>
    <message>
        <source>Shipment {number} has already been received.</source>
        <translation>发货单 {number} 已签收。</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} row(s) are wrong, the first is row {first}.</source>
        <translation>未导入任何数据：{count} 行有误，第一处为第 {first} 行。</translation>
    </message>
    <message>
        <source>The payments add up to {paid} but {total} is owed: they must match exactly.</source>
        <translation>付款合计 {paid}，但应付 {total}：两者必须完全一致。</translation>
    </message>
    <message>
        <source>More would be paid back than was paid: at most {left} can go back that way.</source>
        <translation>退款金额超过已付金额：此方式最多可退 {left}。</translation>
    </message>
    <message>
        <source>Not enough points: the customer holds {balance}, {asked} are needed.</source>
        <translation>积分不足：客户现有 {balance}，需要 {asked}。</translation>
    </message>
    <message>
        <source>Not enough stored value: the customer holds {balance}, {asked} is charged.</source>
        <translation>储值余额不足：客户现有 {balance}，本次扣款 {asked}。</translation>
    </message>
    <message>
        <source>Not enough unused deposit: the customer holds {balance}, {asked} is asked for.</source>
        <translation>可用定金不足：客户现有 {balance}，需要 {asked}。</translation>
    </message>
    <message>
        <source>{name}: {used} of {sessions} sessions are taken; no more sessions can be taken, and a course with sessions taken cannot be refunded.</source>
        <translation>{name}：已划扣 {used}/{sessions} 次；不能再划扣，且已划扣过的疗程不能退款。</translation>
    </message>
    <message>
        <source>This was already refunded; each line is refunded once.</source>
        <translation>该明细已退款；每条明细只能退款一次。</translation>
    </message>
    <message>
        <source>Not possible at this stage: a complaint goes through intake, routing, investigation, plan, progress, result signed by the customer, cause, summary and closing, in this order.</source>
        <translation>当前阶段不能执行此操作：投诉须依次经过受理、分派、调查、处理方案、进度反馈、客户签字确认结果、原因分析、总结和结案。</translation>
    </message>
    <message>
        <source>{field}: this value is not allowed.</source>
        <translation>{field}：不允许使用此值。</translation>
    </message>
    <message>
        <source>The action was refused ({code}).</source>
        <translation>操作被拒绝（{code}）。</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved. The details were written to the log file: {path}</source>
        <translation>出现错误，未保存任何内容。详细信息已写入日志文件：{path}</translation>
    </message>
</context>
<context>
    <name>greetings</name>
    <message>
        <source>Birthday greeting</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Holiday greeting</source>
        <translation>节日祝福</translation>
    </message>
    <message>
        <source>Marketing message</source>
        <translation>营销短信</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Pharmacist / warehouse</source>
        <translation>药房/库管</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Branch manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Headquarters administrator</source>
        <translation>总部管理员</translation>
    </message>
    <message>
        <source>Inquiry desk (market / online / hotline)</source>
        <translation>电话网络咨询(市场/网络/热线)</translation>
    </message>
    <message>
        <source>Warehouse clerk</source>
        <translation>库管员</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银</translation>
    </message>
    <message>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>电话网络咨询</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>库房</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>经营看板</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Partner institutions</source>
        <translation>合作机构</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Required fields</source>
        <translation>必填项</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>项目目录</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>warehouse</name>
    <message>
        <source>Nutrient</source>
        <translation>营养素</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Chinese herb</source>
        <translation>中药饮片</translation>
    </message>
    <message>
        <source>Consumable</source>
        <translation>耗材</translation>
    </message>
    <message>
        <source>Service material</source>
        <translation>服务材料</translation>
    </message>
    <message>
        <source>Whole warehouse</source>
        <translation>全仓</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By location</source>
        <translation>按库位</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <source>Approved, to ship</source>
        <translation>已审批，待发货</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已签收</translation>
    </message>
</context>
</TS>
