# csr.S: Zicsr instructions on the machine-mode CSRs: read-only identity CSRs, WARL masks
# (mtvec/mepc low bits, mstatus MIE/MPIE/MPP), set/clear forms, immediate forms, rd = x0 and
# rs1 = x0 cases (csrrs/csrrc with x0 must not write, so reading a read-only CSR is legal).
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li gp, 1
  csrr a0, misa
  li t0, 0x40001100
  bne a0, t0, fail
  li gp, 2
  csrr a0, mhartid
  bnez a0, fail
  csrr a0, mvendorid
  bnez a0, fail
  csrr a0, marchid
  bnez a0, fail
  csrr a0, mimpid
  bnez a0, fail
  li gp, 3
  li t0, 0x12345678
  csrw mscratch, t0
  li t1, 0xabc
  csrrw a0, mscratch, t1
  bne a0, t0, fail
  csrr a0, mscratch
  bne a0, t1, fail
  li gp, 4
  li t0, 0xf0
  csrw mscratch, t0
  li t1, 0x0f
  csrrs a0, mscratch, t1
  bne a0, t0, fail
  li t1, 0x3c
  csrrc a0, mscratch, t1
  li t0, 0xff
  bne a0, t0, fail
  csrr a0, mscratch
  li t0, 0xc3
  bne a0, t0, fail
  li gp, 5
  csrrwi a0, mscratch, 17
  li t0, 0xc3
  bne a0, t0, fail
  csrrsi a0, mscratch, 8
  li t0, 17
  bne a0, t0, fail
  csrrci a0, mscratch, 1
  li t0, 25
  bne a0, t0, fail
  csrr a0, mscratch
  li t0, 24
  bne a0, t0, fail
  li gp, 6
  li t0, 0x203
  csrrw a1, mtvec, t0
  csrr a0, mtvec
  li t0, 0x200
  csrw mtvec, a1
  bne a0, t0, fail
  li t0, 0x100
  bne a1, t0, fail
  li gp, 7
  li t0, 0x1237
  csrw mepc, t0
  csrr a0, mepc
  li t0, 0x1234
  bne a0, t0, fail
  li gp, 8
  li t0, -1
  csrw mcause, t0
  csrr a0, mcause
  bne a0, t0, fail
  csrw mtval, t0
  csrr a0, mtval
  bne a0, t0, fail
  csrw mcause, zero
  csrr a0, mcause
  bnez a0, fail
  li gp, 9
  csrr a0, mstatus
  li t0, 0x1800
  bne a0, t0, fail
  li t1, 0x88
  csrs mstatus, t1
  csrr a0, mstatus
  li t0, 0x1888
  bne a0, t0, fail
  csrci mstatus, 8
  csrr a0, mstatus
  li t0, 0x1880
  bne a0, t0, fail
  li t1, -1
  csrw mstatus, t1
  csrr a0, mstatus
  li t0, 0x1888
  bne a0, t0, fail
  csrw mstatus, zero
  csrr a0, mstatus
  li t0, 0x1800
  bne a0, t0, fail
  li gp, 10
  li t1, -1
  csrw mie, t1
  csrr a0, mie
  bnez a0, fail
  csrw mip, t1
  csrr a0, mip
  bnez a0, fail
  li gp, 11
  csrrs a0, mhartid, zero
  bnez a0, fail
  csrrc a0, misa, zero
  li t0, 0x40001100
  bne a0, t0, fail
  csrrsi a0, marchid, 0
  bnez a0, fail
  li gp, 12
  li t0, 0x77
  csrrw zero, mscratch, t0
  csrr a0, mscratch
  bne a0, t0, fail
  li gp, 13
  csrrs a0, mscratch, zero
  csrrc a1, mscratch, zero
  csrr a2, mscratch
  bne a2, t0, fail
  bne a1, t0, fail
  li gp, 14
  li t0, 0x5555
  csrw mscratch, t0
  csrrs t0, mscratch, t0
  li t1, 0x5555
  bne t0, t1, fail
  li gp, 15
  csrw misa, zero
  csrr a0, misa
  li t0, 0x40001100
  bne a0, t0, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
