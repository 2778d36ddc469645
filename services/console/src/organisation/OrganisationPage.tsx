import { Tabs } from 'antd';
import { Catalogue } from './Catalogue';
import { Staff } from './Staff';
import { UnitTree } from './UnitTree';

/** The org tree, the staff and each community's catalogue, within the signed-in admin's scope. */
export function OrganisationPage() {
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'tree', label: '组织架构', children: <UnitTree /> },
        { key: 'staff', label: '工作人员', children: <Staff /> },
        { key: 'catalogue', label: '社区服务目录', children: <Catalogue /> },
      ]}
    />
  );
}
