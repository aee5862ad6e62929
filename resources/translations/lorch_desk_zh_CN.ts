<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
</context>
<context>
    <name>errors</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
</context>
<context>
    <name>tabs</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
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
</context>
</TS>
