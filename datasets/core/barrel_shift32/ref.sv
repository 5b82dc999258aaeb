module RefModule(input [31:0] data, input [4:0] amount, input [1:0] mode,
                 output reg [31:0] result);
  reg [63:0] twice;
  always @* begin
    twice = {data, data} << amount;
    case (mode)
      2'd0: result = data << amount;
      2'd1: result = data >> amount;
      2'd2: result = $signed(data) >>> amount;
      default: result = twice[63:32];
    endcase
  end
endmodule
