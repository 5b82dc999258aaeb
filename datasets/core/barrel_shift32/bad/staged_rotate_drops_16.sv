module TopModule(input [31:0] data, input [4:0] amount, input [1:0] mode,
                 output reg [31:0] result);
  // log-shifter; the rotate path has no 16-position stage
  reg [31:0] r;
  always @* begin
    r = data;
    if (amount[0]) r = {r[30:0], r[31]};
    if (amount[1]) r = {r[29:0], r[31:30]};
    if (amount[2]) r = {r[27:0], r[31:28]};
    if (amount[3]) r = {r[23:0], r[31:24]};
    case (mode)
      2'd0: result = data << amount;
      2'd1: result = data >> amount;
      2'd2: result = $signed(data) >>> amount;
      default: result = r;
    endcase
  end
endmodule
